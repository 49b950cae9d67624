namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic FixedTestStruct {A: uint8, B: uint64, C: uint32}.</summary>
internal sealed record FixedTestStruct(byte A, ulong B, uint C)
{
    public static ISszCodec<FixedTestStruct> Codec { get; } = new FixedTestStructCodec();

    private sealed class FixedTestStructCodec() : SszContainerCodec<FixedTestStruct>(
        new SszContainerLayout(nameof(FixedTestStruct), ("A", Ssz.UInt8), ("B", Ssz.UInt64), ("C", Ssz.UInt32)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, FixedTestStruct value)
        {
            writer.Write(Ssz.UInt8, value.A);
            writer.Write(Ssz.UInt64, value.B);
            writer.Write(Ssz.UInt32, value.C);
        }

        protected override FixedTestStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(Ssz.UInt8), reader.Read(Ssz.UInt64), reader.Read(Ssz.UInt32));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, FixedTestStruct value)
        {
            merkleizer.Append(Ssz.UInt8.HashTreeRoot(value.A));
            merkleizer.Append(Ssz.UInt64.HashTreeRoot(value.B));
            merkleizer.Append(Ssz.UInt32.HashTreeRoot(value.C));
        }
    }
}
