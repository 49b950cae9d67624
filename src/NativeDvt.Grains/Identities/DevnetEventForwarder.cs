using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Node.Events;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// The node events the devnet's log shows, sent to the devnet grain from a queue of their own so the node never waits for
/// a grain call. Details name no observer: every node that sees an equivocation reports the same entry, and the devnet
/// grain keeps one.
/// </summary>
internal sealed partial class DevnetEventForwarder : INodeEventSink, IAsyncDisposable
{
    private readonly Channel<DevnetEvent> _queue = Channel.CreateBounded<DevnetEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly IDevnetGrain _devnet;
    private readonly ILogger _logger;
    private readonly ulong _slotsPerEpoch;
    private readonly Task _pump;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private int _onDuty;

    public DevnetEventForwarder(IDevnetGrain devnet, ulong slotsPerEpoch, TimeProvider time, ILogger logger)
    {
        _devnet = devnet;
        _slotsPerEpoch = slotsPerEpoch;
        _logger = logger;
        _time = time;
        _startedAt = time.GetTimestamp();
        _pump = Task.Run(PumpAsync);
    }

    public void Receive(NodeEvent nodeEvent)
    {
        switch (nodeEvent)
        {
            // The first signature of a node that (re)started, whatever its duty: how long a moved identity was off duty
            // shows in the log (its attestation may come up to an epoch later, at its group's slot).
            case Attested e:
                OnDuty(e.Node, e.Data.Slot, "an attestation");
                break;
            case BlockProposed e:
                OnDuty(e.Node, e.Slot, "a block proposal");
                break;
            case FollowSigned e:
                OnDuty(e.Node, e.Slot, "a follow signature");
                break;
            case InclusionListProposed e:
                OnDuty(e.Node, e.Slot, "an inclusion-list proposal");
                break;
            case InclusionListFollowSigned e:
                OnDuty(e.Node, e.Slot, "an inclusion-list follow signature");
                break;
            case MemberEquivocation e:
                Send(DevnetEventKinds.MemberEquivocation, e.Slot.Value, e.Equivocator.ToString(), $"{e.Equivocator} signed two conflicting {e.Kind} messages");
                break;
            case GroupSlashingIncluded e:
                Send(DevnetEventKinds.GroupSlashing, e.Slot.Value, $"g{e.Group.Value}", $"a block of slot {e.Slot.Value} slashes group g{e.Group.Value}");
                break;
            case KeyRotationIncluded e:
                Send(DevnetEventKinds.KeyRotation, e.Slot.Value, e.Member.ToString(), $"{e.Member} signs with its new key from epoch {e.Epoch.Value}");
                break;
            case KeyRotationStarted e:
                Send(DevnetEventKinds.KeyRotationStarted, e.Epoch.Value * _slotsPerEpoch, e.Node.ToString(), $"{e.Node} has {e.Remaining} one-time signatures left and rotates to a fresh key");
                break;
            case SigningHalted e:
                Send(DevnetEventKinds.SigningHalted, null, e.Node.ToString(), $"{e.Node} stopped signing: {e.Reason}");
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private void OnDuty(MemberId node, Slot slot, string what)
    {
        if (Interlocked.Exchange(ref _onDuty, 1) == 0)
        {
            var seconds = _time.GetElapsedTime(_startedAt).TotalSeconds;
            Send(DevnetEventKinds.IdentityOnDuty, slot.Value, node.ToString(), $"{node} signs again ({what}, slot {slot.Value}), {seconds:0.0} s after its node started");
        }
    }

    private void Send(string kind, ulong? slot, string who, string details) => _queue.Writer.TryWrite(new DevnetEvent(kind, slot, who, details));

    private async Task PumpAsync()
    {
        await foreach (var entry in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _devnet.AppendEventAsync(entry).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogAppendFailed(_logger, entry.Kind, entry.Who, error);
            }
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not append {Kind} of {Who} to the devnet's event log")]
    private static partial void LogAppendFailed(ILogger logger, string kind, string who, Exception error);
}
