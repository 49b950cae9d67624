using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: GroupAttestation { group_index, data, signature }.</remarks>
public sealed partial record GroupAttestation
{
    /// <summary>The SSZ codec of GroupAttestation.</summary>
    public static ISszCodec<GroupAttestation> Codec { get; } = new GroupAttestationCodec();

    private sealed class GroupAttestationCodec() : SszContainerCodec<GroupAttestation>(
        new SszContainerLayout(nameof(GroupAttestation),
            ("group_index", ConsensusCodecs.GroupIndex),
            ("data", AttestationData.Codec),
            ("signature", GroupSignature.Codec)))
    {
        protected override int GetVariableSize(GroupAttestation value) =>
            GroupSignature.Codec.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, GroupAttestation value)
        {
            writer.Write(ConsensusCodecs.GroupIndex, value.GroupIndex);
            writer.Write(AttestationData.Codec, value.Data);
            writer.Write(GroupSignature.Codec, value.Signature);
        }

        protected override GroupAttestation ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(AttestationData.Codec),
                reader.Read(GroupSignature.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, GroupAttestation value)
        {
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.GroupIndex));
            merkleizer.Append(AttestationData.Codec.HashTreeRoot(value.Data));
            merkleizer.Append(GroupSignature.Codec.HashTreeRoot(value.Signature));
        }
    }
}
