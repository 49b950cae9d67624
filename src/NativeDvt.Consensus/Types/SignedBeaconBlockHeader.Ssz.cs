using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: SignedBeaconBlockHeader { message, signature }.</remarks>
public sealed partial record SignedBeaconBlockHeader
{
    /// <summary>The SSZ codec of SignedBeaconBlockHeader.</summary>
    public static ISszCodec<SignedBeaconBlockHeader> Codec { get; } = new SignedBeaconBlockHeaderCodec();

    private sealed class SignedBeaconBlockHeaderCodec() : SszContainerCodec<SignedBeaconBlockHeader>(
        new SszContainerLayout(nameof(SignedBeaconBlockHeader),
            ("message", BeaconBlockHeader.Codec),
            ("signature", GroupSignature.Codec)))
    {
        protected override int GetVariableSize(SignedBeaconBlockHeader value) =>
            GroupSignature.Codec.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, SignedBeaconBlockHeader value)
        {
            writer.Write(BeaconBlockHeader.Codec, value.Message);
            writer.Write(GroupSignature.Codec, value.Signature);
        }

        protected override SignedBeaconBlockHeader ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(BeaconBlockHeader.Codec),
                reader.Read(GroupSignature.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SignedBeaconBlockHeader value)
        {
            merkleizer.Append(BeaconBlockHeader.Codec.HashTreeRoot(value.Message));
            merkleizer.Append(GroupSignature.Codec.HashTreeRoot(value.Signature));
        }
    }
}
