using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: SignedRegistration { message, signature }.</remarks>
public sealed partial record SignedRegistration
{
    /// <summary>The SSZ codec of SignedRegistration.</summary>
    public static ISszCodec<SignedRegistration> Codec { get; } = new SignedRegistrationCodec();

    private sealed class SignedRegistrationCodec() : SszContainerCodec<SignedRegistration>(
        new SszContainerLayout(nameof(SignedRegistration),
            ("message", Registration.Codec),
            ("signature", GroupSignature.Codec)))
    {
        protected override int GetVariableSize(SignedRegistration value) =>
            Registration.Codec.GetSize(value.Message)
            + GroupSignature.Codec.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, SignedRegistration value)
        {
            writer.Write(Registration.Codec, value.Message);
            writer.Write(GroupSignature.Codec, value.Signature);
        }

        protected override SignedRegistration ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(Registration.Codec),
                reader.Read(GroupSignature.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SignedRegistration value)
        {
            merkleizer.Append(Registration.Codec.HashTreeRoot(value.Message));
            merkleizer.Append(GroupSignature.Codec.HashTreeRoot(value.Signature));
        }
    }
}
