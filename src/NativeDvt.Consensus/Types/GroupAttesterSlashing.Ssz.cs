using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: GroupAttesterSlashing { attestation_1, attestation_2 }.</remarks>
public sealed partial record GroupAttesterSlashing
{
    /// <summary>The SSZ codec of GroupAttesterSlashing.</summary>
    public static ISszCodec<GroupAttesterSlashing> Codec { get; } = new GroupAttesterSlashingCodec();

    private sealed class GroupAttesterSlashingCodec() : SszContainerCodec<GroupAttesterSlashing>(
        new SszContainerLayout(nameof(GroupAttesterSlashing),
            ("attestation_1", GroupAttestation.Codec),
            ("attestation_2", GroupAttestation.Codec)))
    {
        protected override int GetVariableSize(GroupAttesterSlashing value) =>
            GroupAttestation.Codec.GetSize(value.Attestation1)
            + GroupAttestation.Codec.GetSize(value.Attestation2);

        protected override void WriteFields(ref SszContainerWriter writer, GroupAttesterSlashing value)
        {
            writer.Write(GroupAttestation.Codec, value.Attestation1);
            writer.Write(GroupAttestation.Codec, value.Attestation2);
        }

        protected override GroupAttesterSlashing ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(GroupAttestation.Codec),
                reader.Read(GroupAttestation.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, GroupAttesterSlashing value)
        {
            merkleizer.Append(GroupAttestation.Codec.HashTreeRoot(value.Attestation1));
            merkleizer.Append(GroupAttestation.Codec.HashTreeRoot(value.Attestation2));
        }
    }
}
