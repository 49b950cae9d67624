using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: SigningData { object_root, domain }.</remarks>
public sealed partial record SigningData
{
    /// <summary>The SSZ codec of SigningData.</summary>
    public static ISszCodec<SigningData> Codec { get; } = new SigningDataCodec();

    private sealed class SigningDataCodec() : SszContainerCodec<SigningData>(
        new SszContainerLayout(nameof(SigningData),
            ("object_root", ConsensusCodecs.Root),
            ("domain", ConsensusCodecs.Root)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, SigningData value)
        {
            writer.Write(ConsensusCodecs.Root, value.ObjectRoot);
            writer.Write(ConsensusCodecs.Root, value.Domain);
        }

        protected override SigningData ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Root));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SigningData value)
        {
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.ObjectRoot));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.Domain));
        }
    }
}
