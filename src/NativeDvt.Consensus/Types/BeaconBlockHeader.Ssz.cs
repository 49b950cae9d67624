using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: BeaconBlockHeader { slot, proposer_index, parent_root, state_root, body_root }.</remarks>
public sealed partial record BeaconBlockHeader
{
    /// <summary>The SSZ codec of BeaconBlockHeader.</summary>
    public static ISszCodec<BeaconBlockHeader> Codec { get; } = new BeaconBlockHeaderCodec();

    private sealed class BeaconBlockHeaderCodec() : SszContainerCodec<BeaconBlockHeader>(
        new SszContainerLayout(nameof(BeaconBlockHeader),
            ("slot", ConsensusCodecs.Slot),
            ("proposer_index", ConsensusCodecs.GroupIndex),
            ("parent_root", ConsensusCodecs.Root),
            ("state_root", ConsensusCodecs.Root),
            ("body_root", ConsensusCodecs.Root)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, BeaconBlockHeader value)
        {
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(ConsensusCodecs.GroupIndex, value.ProposerIndex);
            writer.Write(ConsensusCodecs.Root, value.ParentRoot);
            writer.Write(ConsensusCodecs.Root, value.StateRoot);
            writer.Write(ConsensusCodecs.Root, value.BodyRoot);
        }

        protected override BeaconBlockHeader ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Slot),
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Root));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, BeaconBlockHeader value)
        {
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.ProposerIndex));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.ParentRoot));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.StateRoot));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.BodyRoot));
        }
    }
}
