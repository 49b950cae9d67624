using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: SignedKeyRotation { message, signature }.</remarks>
public sealed partial record SignedKeyRotation
{
    /// <summary>The SSZ codec of SignedKeyRotation.</summary>
    public static ISszCodec<SignedKeyRotation> Codec { get; } = new SignedKeyRotationCodec();

    private sealed class SignedKeyRotationCodec() : SszContainerCodec<SignedKeyRotation>(
        new SszContainerLayout(nameof(SignedKeyRotation),
            ("message", KeyRotation.Codec),
            ("signature", GroupSignature.Codec)))
    {
        protected override int GetVariableSize(SignedKeyRotation value) =>
            KeyRotation.Codec.GetSize(value.Message)
            + GroupSignature.Codec.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, SignedKeyRotation value)
        {
            writer.Write(KeyRotation.Codec, value.Message);
            writer.Write(GroupSignature.Codec, value.Signature);
        }

        protected override SignedKeyRotation ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(KeyRotation.Codec),
                reader.Read(GroupSignature.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SignedKeyRotation value)
        {
            merkleizer.Append(KeyRotation.Codec.HashTreeRoot(value.Message));
            merkleizer.Append(GroupSignature.Codec.HashTreeRoot(value.Signature));
        }
    }
}
