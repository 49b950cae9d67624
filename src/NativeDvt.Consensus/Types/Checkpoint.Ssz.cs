using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: Checkpoint { epoch, root }.</remarks>
public sealed partial record Checkpoint
{
    /// <summary>The SSZ codec of Checkpoint.</summary>
    public static ISszCodec<Checkpoint> Codec { get; } = new CheckpointCodec();

    private sealed class CheckpointCodec() : SszContainerCodec<Checkpoint>(
        new SszContainerLayout(nameof(Checkpoint),
            ("epoch", ConsensusCodecs.Epoch),
            ("root", ConsensusCodecs.Root)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, Checkpoint value)
        {
            writer.Write(ConsensusCodecs.Epoch, value.Epoch);
            writer.Write(ConsensusCodecs.Root, value.Root);
        }

        protected override Checkpoint ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Epoch),
                reader.Read(ConsensusCodecs.Root));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, Checkpoint value)
        {
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.Epoch));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.Root));
        }
    }
}
