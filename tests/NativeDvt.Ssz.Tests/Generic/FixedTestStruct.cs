namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic FixedTestStruct {A: uint8, B: uint64, C: uint32}.</summary>
internal sealed record FixedTestStruct(byte A, ulong B, uint C)
{
    public static ISszCodec<FixedTestStruct> Codec { get; } = new FixedTestStructCodec();

    private sealed class FixedTestStructCodec() : SszContainerCodec<FixedTestStruct>(
        new SszContainerLayout(nameof(FixedTestStruct), ("A", SszCodecs.UInt8), ("B", SszCodecs.UInt64), ("C", SszCodecs.UInt32)))
    {
        protected override void WriteFields(ref SszContainerWriter writer, FixedTestStruct value)
        {
            writer.Write(SszCodecs.UInt8, value.A);
            writer.Write(SszCodecs.UInt64, value.B);
            writer.Write(SszCodecs.UInt32, value.C);
        }

        protected override FixedTestStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(SszCodecs.UInt8), reader.Read(SszCodecs.UInt64), reader.Read(SszCodecs.UInt32));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, FixedTestStruct value)
        {
            merkleizer.Append(SszCodecs.UInt8.HashTreeRoot(value.A));
            merkleizer.Append(SszCodecs.UInt64.HashTreeRoot(value.B));
            merkleizer.Append(SszCodecs.UInt32.HashTreeRoot(value.C));
        }
    }
}
