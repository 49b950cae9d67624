using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: MemberAttestation { group_index, member_index, data, signature }.</remarks>
public sealed partial record MemberAttestation
{
    /// <summary>The SSZ codec of MemberAttestation.</summary>
    public static ISszCodec<MemberAttestation> Codec { get; } = new MemberAttestationCodec();

    private sealed class MemberAttestationCodec() : SszContainerCodec<MemberAttestation>(
        new SszContainerLayout(nameof(MemberAttestation),
            ("group_index", ConsensusCodecs.GroupIndex),
            ("member_index", ConsensusCodecs.UInt64),
            ("data", AttestationData.Codec),
            ("signature", ConsensusCodecs.Signature)))
    {
        protected override int GetVariableSize(MemberAttestation value) =>
            ConsensusCodecs.Signature.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, MemberAttestation value)
        {
            writer.Write(ConsensusCodecs.GroupIndex, value.GroupIndex);
            writer.Write(ConsensusCodecs.UInt64, value.MemberIndex);
            writer.Write(AttestationData.Codec, value.Data);
            writer.Write(ConsensusCodecs.Signature, value.Signature);
        }

        protected override MemberAttestation ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(AttestationData.Codec),
                reader.Read(ConsensusCodecs.Signature));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, MemberAttestation value)
        {
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.GroupIndex));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.MemberIndex));
            merkleizer.Append(AttestationData.Codec.HashTreeRoot(value.Data));
            merkleizer.Append(ConsensusCodecs.Signature.HashTreeRoot(value.Signature));
        }
    }
}
