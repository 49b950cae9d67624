namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic SingleFieldTestStruct {A: uint8}.</summary>
internal sealed record SingleFieldTestStruct(byte A)
{
    public static ISszCodec<SingleFieldTestStruct> Codec { get; } = new SingleFieldTestStructCodec();

    private sealed class SingleFieldTestStructCodec() : SszContainerCodec<SingleFieldTestStruct>(
        new SszContainerLayout(nameof(SingleFieldTestStruct), ("A", SszCodecs.UInt8)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, SingleFieldTestStruct value) => writer.Write(SszCodecs.UInt8, value.A);

        protected override SingleFieldTestStruct ReadFields(ref SszContainerReader reader) => new(reader.Read(SszCodecs.UInt8));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SingleFieldTestStruct value) =>
            merkleizer.Append(SszCodecs.UInt8.HashTreeRoot(value.A));
    }
}
