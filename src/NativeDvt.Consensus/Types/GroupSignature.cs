using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A group's signature: which members signed (a bitlist of exactly n bits) and either one aggregate
/// (aggregating schemes) or one signature per set bit in member order (schemes that do not aggregate).
/// </summary>
/// <remarks>SSZ: { participation_bits: Bitlist[MAX_GROUP_SIZE], signatures: List[ByteList[MAX_SIGNATURE_BYTES], MAX_GROUP_SIZE] }.</remarks>
[SszContainer]
public sealed partial record GroupSignature(MemberBits ParticipationBits, [SszField(Codec = nameof(ConsensusCodecs.Signatures))] IReadOnlyList<Bytes> Signatures)
{
    /// <summary>The number of members that signed.</summary>
    public int SignerCount => ParticipationBits.Count;
}
