using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: ForkData { current_version, genesis_validators_root }.</remarks>
public sealed partial record ForkData
{
    /// <summary>The SSZ codec of ForkData.</summary>
    public static ISszCodec<ForkData> Codec { get; } = new ForkDataCodec();

    private sealed class ForkDataCodec() : SszContainerCodec<ForkData>(
        new SszContainerLayout(nameof(ForkData),
            ("current_version", ConsensusCodecs.ForkVersion),
            ("genesis_validators_root", ConsensusCodecs.Root)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, ForkData value)
        {
            writer.Write(ConsensusCodecs.ForkVersion, value.CurrentVersion);
            writer.Write(ConsensusCodecs.Root, value.GenesisValidatorsRoot);
        }

        protected override ForkData ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.ForkVersion),
                reader.Read(ConsensusCodecs.Root));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, ForkData value)
        {
            merkleizer.Append(ConsensusCodecs.ForkVersion.HashTreeRoot(value.CurrentVersion));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.GenesisValidatorsRoot));
        }
    }
}
