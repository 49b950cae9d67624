namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic SingleFieldTestStruct {A: uint8}.</summary>
internal sealed record SingleFieldTestStruct(byte A)
{
    public static ISszCodec<SingleFieldTestStruct> Codec { get; } = new SingleFieldTestStructCodec();

    private sealed class SingleFieldTestStructCodec() : SszContainerCodec<SingleFieldTestStruct>(
        new SszContainerLayout(nameof(SingleFieldTestStruct), ("A", Ssz.UInt8)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, SingleFieldTestStruct value) => writer.Write(Ssz.UInt8, value.A);

        protected override SingleFieldTestStruct ReadFields(ref SszContainerReader reader) => new(reader.Read(Ssz.UInt8));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SingleFieldTestStruct value) =>
            merkleizer.Append(Ssz.UInt8.HashTreeRoot(value.A));
    }
}
