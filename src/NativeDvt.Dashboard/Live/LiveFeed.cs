using System.Text.Json;
using System.Threading.Channels;

namespace NativeDvt.Dashboard.Live;

/// <summary>
/// The newest <see cref="DevnetView"/> and the pages listening for the next: each listener gets a channel that keeps
/// only the newest view, so a slow browser skips views instead of holding memory.
/// </summary>
public sealed class LiveFeed
{
    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _listeners = [];

    /// <summary>The JSON options every view is written with (camelCase, as the pages read it).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The newest view, or null before the first round.</summary>
    public DevnetView? Latest { get; private set; }

    /// <summary>The newest view as JSON, or null.</summary>
    public string? LatestJson { get; private set; }

    /// <summary>Raised after each new view, for the metrics.</summary>
    public event Action<DevnetView>? Published;

    /// <summary>Makes <paramref name="view"/> the newest and hands it to every listener.</summary>
    public void Publish(DevnetView view)
    {
        var json = JsonSerializer.Serialize(view, Json);
        lock (_lock)
        {
            Latest = view;
            LatestJson = json;
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(json);
            }
        }

        Published?.Invoke(view);
    }

    /// <summary>A listener: the newest view now (when there is one) and every later one, until disposed.</summary>
    public Listener Listen()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            if (LatestJson is { } json)
            {
                channel.Writer.TryWrite(json);
            }

            _listeners.Add(channel);
        }

        return new Listener(this, channel);
    }

    private void Remove(Channel<string> channel)
    {
        lock (_lock)
        {
            _listeners.Remove(channel);
        }
    }

    /// <summary>One page's subscription.</summary>
    public sealed class Listener(LiveFeed feed, Channel<string> channel) : IDisposable
    {
        /// <summary>The views as they come.</summary>
        public ChannelReader<string> Views => channel.Reader;

        /// <inheritdoc />
        public void Dispose() => feed.Remove(channel);
    }
}
