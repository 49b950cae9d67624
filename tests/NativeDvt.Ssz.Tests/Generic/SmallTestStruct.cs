namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic SmallTestStruct {A: uint16, B: uint16}.</summary>
internal sealed record SmallTestStruct(ushort A, ushort B)
{
    public static ISszCodec<SmallTestStruct> Codec { get; } = new SmallTestStructCodec();

    private sealed class SmallTestStructCodec() : SszContainerCodec<SmallTestStruct>(
        new SszContainerLayout(nameof(SmallTestStruct), ("A", SszCodecs.UInt16), ("B", SszCodecs.UInt16)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, SmallTestStruct value)
        {
            writer.Write(SszCodecs.UInt16, value.A);
            writer.Write(SszCodecs.UInt16, value.B);
        }

        protected override SmallTestStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(SszCodecs.UInt16), reader.Read(SszCodecs.UInt16));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SmallTestStruct value)
        {
            merkleizer.Append(SszCodecs.UInt16.HashTreeRoot(value.A));
            merkleizer.Append(SszCodecs.UInt16.HashTreeRoot(value.B));
        }
    }
}
