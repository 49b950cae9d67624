using System.Collections.Concurrent;
using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>
/// Gossipsub's application score (P5) for req/resp: a peer that answered BeaconBlocksByRoot with a block the node
/// rejected loses <see cref="PenaltyPerInvalidBlock"/>, decaying by <see cref="DecayPerSecond"/> per second as invalid
/// gossip (P4) does, so a bad answer costs about what one invalid gossip message costs. The router reads it under its
/// lock: reading only looks up. Thread-safe.
/// </summary>
public sealed class ReqRespPenalties(TimeProvider? time = null)
{
    /// <summary>Points lost per rejected block.</summary>
    public const double PenaltyPerInvalidBlock = 10;

    /// <summary>What is left of a penalty after a second.</summary>
    public const double DecayPerSecond = 0.99;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (double Penalty, long At)> _peers = new(StringComparer.Ordinal);

    /// <summary><paramref name="options"/> with this as the P5 score (weight 1).</summary>
    public GossipsubOptions ApplyTo(GossipsubOptions options) =>
        options with { ScoreParams = options.ScoreParams with { AppSpecificScore = Score, AppSpecificWeight = 1 } };

    /// <summary>Records that <paramref name="peer"/> served a block the node rejected.</summary>
    public void InvalidBlock(string peer)
    {
        var now = _time.GetTimestamp();
        _peers.AddOrUpdate(peer, _ => (PenaltyPerInvalidBlock, now), (_, old) => (Decayed(old) + PenaltyPerInvalidBlock, now));
    }

    /// <summary>The peer's P5 score: zero or negative.</summary>
    public double Score(string peer) => _peers.TryGetValue(peer, out var entry) ? -Decayed(entry) : 0;

    private double Decayed((double Penalty, long At) entry) =>
        entry.Penalty * Math.Pow(DecayPerSecond, _time.GetElapsedTime(entry.At).TotalSeconds);
}
