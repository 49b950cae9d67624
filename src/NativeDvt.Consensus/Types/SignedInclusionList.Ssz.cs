using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: SignedInclusionList { message, signature }.</remarks>
public sealed partial record SignedInclusionList
{
    /// <summary>The SSZ codec of SignedInclusionList.</summary>
    public static ISszCodec<SignedInclusionList> Codec { get; } = new SignedInclusionListCodec();

    private sealed class SignedInclusionListCodec() : SszContainerCodec<SignedInclusionList>(
        new SszContainerLayout(nameof(SignedInclusionList),
            ("message", InclusionList.Codec),
            ("signature", GroupSignature.Codec)))
    {
        protected override int GetVariableSize(SignedInclusionList value) =>
            InclusionList.Codec.GetSize(value.Message)
            + GroupSignature.Codec.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, SignedInclusionList value)
        {
            writer.Write(InclusionList.Codec, value.Message);
            writer.Write(GroupSignature.Codec, value.Signature);
        }

        protected override SignedInclusionList ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(InclusionList.Codec),
                reader.Read(GroupSignature.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SignedInclusionList value)
        {
            merkleizer.Append(InclusionList.Codec.HashTreeRoot(value.Message));
            merkleizer.Append(GroupSignature.Codec.HashTreeRoot(value.Signature));
        }
    }
}
