using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Aggregation;

/// <summary>Member signatures over one AttestationData of one group, collected by an aggregator.</summary>
internal sealed class VoteTally(AttestationData data)
{
    public AttestationData Data { get; } = data;

    public SortedDictionary<int, Bytes> Signatures { get; } = [];
}
