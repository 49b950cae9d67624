using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: AttestationData { slot, index, beacon_block_root, source, target }.</remarks>
public sealed partial record AttestationData
{
    /// <summary>The SSZ codec of AttestationData.</summary>
    public static ISszCodec<AttestationData> Codec { get; } = new AttestationDataCodec();

    private sealed class AttestationDataCodec() : SszContainerCodec<AttestationData>(
        new SszContainerLayout(nameof(AttestationData),
            ("slot", ConsensusCodecs.Slot),
            ("index", ConsensusCodecs.CommitteeIndex),
            ("beacon_block_root", ConsensusCodecs.Root),
            ("source", Checkpoint.Codec),
            ("target", Checkpoint.Codec)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, AttestationData value)
        {
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(ConsensusCodecs.CommitteeIndex, value.Index);
            writer.Write(ConsensusCodecs.Root, value.BeaconBlockRoot);
            writer.Write(Checkpoint.Codec, value.Source);
            writer.Write(Checkpoint.Codec, value.Target);
        }

        protected override AttestationData ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Slot),
                reader.Read(ConsensusCodecs.CommitteeIndex),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(Checkpoint.Codec),
                reader.Read(Checkpoint.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, AttestationData value)
        {
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(ConsensusCodecs.CommitteeIndex.HashTreeRoot(value.Index));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.BeaconBlockRoot));
            merkleizer.Append(Checkpoint.Codec.HashTreeRoot(value.Source));
            merkleizer.Append(Checkpoint.Codec.HashTreeRoot(value.Target));
        }
    }
}
