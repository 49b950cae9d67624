using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
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

    // The first signature of a node that (re)started, whatever its duty: how long a moved identity was off duty shows in
    // the log (its attestation may come up to an epoch later, at its group's slot).
    public void Attested(MemberId node, AttestationData data, TimeSpan at) => OnDuty(node, data.Slot, "an attestation");

    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at) => OnDuty(node, slot, "a block proposal");

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at) => OnDuty(node, slot, "a follow signature");

    public void InclusionListProposed(MemberId node, Slot slot, int rank, Root listRoot, int transactions, TimeSpan at) => OnDuty(node, slot, "an inclusion-list proposal");

    public void InclusionListFollowSigned(MemberId node, Slot slot, Root listRoot, TimeSpan at) => OnDuty(node, slot, "an inclusion-list follow signature");

    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at) =>
        Send(DevnetEventKinds.MemberEquivocation, slot.Value, equivocator.ToString(), $"{equivocator} signed two conflicting {kind} messages");

    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at) =>
        Send(DevnetEventKinds.GroupSlashing, slot.Value, $"g{group.Value}", $"a block of slot {slot.Value} slashes group g{group.Value}");

    public void KeyRotationIncluded(MemberId node, MemberId member, Epoch epoch, Slot slot, TimeSpan at) =>
        Send(DevnetEventKinds.KeyRotation, slot.Value, member.ToString(), $"{member} signs with its new key from epoch {epoch.Value}");

    public void KeyRotationStarted(MemberId node, int remaining, Epoch epoch, TimeSpan at) =>
        Send(DevnetEventKinds.KeyRotationStarted, epoch.Value * _slotsPerEpoch, node.ToString(), $"{node} has {remaining} one-time signatures left and rotates to a fresh key");

    public void SigningHalted(MemberId node, string reason, TimeSpan at) =>
        Send(DevnetEventKinds.SigningHalted, null, node.ToString(), $"{node} stopped signing: {reason}");

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
