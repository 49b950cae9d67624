using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: GroupProposerSlashing { signed_header_1, signed_header_2 }.</remarks>
public sealed partial record GroupProposerSlashing
{
    /// <summary>The SSZ codec of GroupProposerSlashing.</summary>
    public static ISszCodec<GroupProposerSlashing> Codec { get; } = new GroupProposerSlashingCodec();

    private sealed class GroupProposerSlashingCodec() : SszContainerCodec<GroupProposerSlashing>(
        new SszContainerLayout(nameof(GroupProposerSlashing),
            ("signed_header_1", SignedBeaconBlockHeader.Codec),
            ("signed_header_2", SignedBeaconBlockHeader.Codec)))
    {
        protected override int GetVariableSize(GroupProposerSlashing value) =>
            SignedBeaconBlockHeader.Codec.GetSize(value.SignedHeader1)
            + SignedBeaconBlockHeader.Codec.GetSize(value.SignedHeader2);

        protected override void WriteFields(ref SszContainerWriter writer, GroupProposerSlashing value)
        {
            writer.Write(SignedBeaconBlockHeader.Codec, value.SignedHeader1);
            writer.Write(SignedBeaconBlockHeader.Codec, value.SignedHeader2);
        }

        protected override GroupProposerSlashing ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(SignedBeaconBlockHeader.Codec),
                reader.Read(SignedBeaconBlockHeader.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, GroupProposerSlashing value)
        {
            merkleizer.Append(SignedBeaconBlockHeader.Codec.HashTreeRoot(value.SignedHeader1));
            merkleizer.Append(SignedBeaconBlockHeader.Codec.HashTreeRoot(value.SignedHeader2));
        }
    }
}
