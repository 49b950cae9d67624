using System.Threading.Channels;

namespace NativeDvt.Dashboard.Beacon;

/// <summary>The Beacon API's event stream's fan-out: each subscriber of <c>/eth/v1/events</c> gets its own queue.</summary>
public sealed class BeaconEventHub
{
    /// <summary>Events a subscriber may fall behind by before the oldest are dropped.</summary>
    public const int Backlog = 256;

    private readonly Lock _lock = new();
    private readonly List<Channel<(string Topic, string Json)>> _subscribers = [];

    /// <summary>Hands <paramref name="json"/> on <paramref name="topic"/> to every subscriber.</summary>
    public void Publish(string topic, string json)
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite((topic, json));
            }
        }
    }

    /// <summary>A subscription from now on; dispose it to leave.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    private void Leave(Channel<(string, string)> channel)
    {
        lock (_lock)
        {
            _subscribers.Remove(channel);
        }
    }

    /// <summary>One subscriber's events.</summary>
    public sealed class Subscription(BeaconEventHub hub, Channel<(string Topic, string Json)> channel) : IDisposable
    {
        /// <summary>The events as they come.</summary>
        public ChannelReader<(string Topic, string Json)> Events => channel.Reader;

        /// <inheritdoc />
        public void Dispose() => hub.Leave(channel);
    }
}
