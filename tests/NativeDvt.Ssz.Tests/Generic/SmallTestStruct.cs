namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic SmallTestStruct {A: uint16, B: uint16}.</summary>
internal sealed record SmallTestStruct(ushort A, ushort B)
{
    public static ISszCodec<SmallTestStruct> Codec { get; } = new SmallTestStructCodec();

    private sealed class SmallTestStructCodec() : SszContainerCodec<SmallTestStruct>(
        new SszContainerLayout(nameof(SmallTestStruct), ("A", Ssz.UInt16), ("B", Ssz.UInt16)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, SmallTestStruct value)
        {
            writer.Write(Ssz.UInt16, value.A);
            writer.Write(Ssz.UInt16, value.B);
        }

        protected override SmallTestStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(Ssz.UInt16), reader.Read(Ssz.UInt16));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SmallTestStruct value)
        {
            merkleizer.Append(Ssz.UInt16.HashTreeRoot(value.A));
            merkleizer.Append(Ssz.UInt16.HashTreeRoot(value.B));
        }
    }
}
