using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: Fork { previous_version, current_version, epoch }.</remarks>
public sealed partial record Fork
{
    /// <summary>The SSZ codec of Fork.</summary>
    public static ISszCodec<Fork> Codec { get; } = new ForkCodec();

    private sealed class ForkCodec() : SszContainerCodec<Fork>(
        new SszContainerLayout(nameof(Fork),
            ("previous_version", ConsensusCodecs.ForkVersion),
            ("current_version", ConsensusCodecs.ForkVersion),
            ("epoch", ConsensusCodecs.Epoch)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, Fork value)
        {
            writer.Write(ConsensusCodecs.ForkVersion, value.PreviousVersion);
            writer.Write(ConsensusCodecs.ForkVersion, value.CurrentVersion);
            writer.Write(ConsensusCodecs.Epoch, value.Epoch);
        }

        protected override Fork ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.ForkVersion),
                reader.Read(ConsensusCodecs.ForkVersion),
                reader.Read(ConsensusCodecs.Epoch));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, Fork value)
        {
            merkleizer.Append(ConsensusCodecs.ForkVersion.HashTreeRoot(value.PreviousVersion));
            merkleizer.Append(ConsensusCodecs.ForkVersion.HashTreeRoot(value.CurrentVersion));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.Epoch));
        }
    }
}
