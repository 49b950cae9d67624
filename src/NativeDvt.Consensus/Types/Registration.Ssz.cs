using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: Registration { pubkeys, threshold, amount }.</remarks>
public sealed partial record Registration
{
    /// <summary>The SSZ codec of Registration.</summary>
    public static ISszCodec<Registration> Codec { get; } = new RegistrationCodec();

    private sealed class RegistrationCodec() : SszContainerCodec<Registration>(
        new SszContainerLayout(nameof(Registration),
            ("pubkeys", ConsensusCodecs.PublicKeys),
            ("threshold", ConsensusCodecs.UInt64),
            ("amount", ConsensusCodecs.Gwei)))
    {
        protected override int GetVariableSize(Registration value) =>
            ConsensusCodecs.PublicKeys.GetSize(value.Pubkeys);

        protected override void WriteFields(ref SszContainerWriter writer, Registration value)
        {
            writer.Write(ConsensusCodecs.PublicKeys, value.Pubkeys);
            writer.Write(ConsensusCodecs.UInt64, value.Threshold);
            writer.Write(ConsensusCodecs.Gwei, value.Amount);
        }

        protected override Registration ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.PublicKeys),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.Gwei));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, Registration value)
        {
            merkleizer.Append(ConsensusCodecs.PublicKeys.HashTreeRoot(value.Pubkeys));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.Threshold));
            merkleizer.Append(ConsensusCodecs.Gwei.HashTreeRoot(value.Amount));
        }
    }
}
