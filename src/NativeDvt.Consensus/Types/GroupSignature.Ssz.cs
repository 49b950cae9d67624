using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: GroupSignature { participation_bits, signatures }.</remarks>
public sealed partial record GroupSignature
{
    /// <summary>The SSZ codec of GroupSignature.</summary>
    public static ISszCodec<GroupSignature> Codec { get; } = new GroupSignatureCodec();

    private sealed class GroupSignatureCodec() : SszContainerCodec<GroupSignature>(
        new SszContainerLayout(nameof(GroupSignature),
            ("participation_bits", ConsensusCodecs.MemberBits),
            ("signatures", ConsensusCodecs.Signatures)))
    {
        protected override int GetVariableSize(GroupSignature value) =>
            ConsensusCodecs.MemberBits.GetSize(value.ParticipationBits)
            + ConsensusCodecs.Signatures.GetSize(value.Signatures);

        protected override void WriteFields(ref SszContainerWriter writer, GroupSignature value)
        {
            writer.Write(ConsensusCodecs.MemberBits, value.ParticipationBits);
            writer.Write(ConsensusCodecs.Signatures, value.Signatures);
        }

        protected override GroupSignature ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.MemberBits),
                reader.Read(ConsensusCodecs.Signatures));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, GroupSignature value)
        {
            merkleizer.Append(ConsensusCodecs.MemberBits.HashTreeRoot(value.ParticipationBits));
            merkleizer.Append(ConsensusCodecs.Signatures.HashTreeRoot(value.Signatures));
        }
    }
}
