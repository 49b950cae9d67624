namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic VarTestStruct {A: uint16, B: List[uint16, 1024], C: uint8}.</summary>
internal sealed record VarTestStruct(ushort A, IReadOnlyList<ushort> B, byte C)
{
    private static readonly ISszCodec<IReadOnlyList<ushort>> BCodec = SszCodecs.List(SszCodecs.UInt16, 1024);

    public static ISszCodec<VarTestStruct> Codec { get; } = new VarTestStructCodec();

    private sealed class VarTestStructCodec() : SszContainerCodec<VarTestStruct>(
        new SszContainerLayout(nameof(VarTestStruct), ("A", SszCodecs.UInt16), ("B", BCodec), ("C", SszCodecs.UInt8)))
    {
        protected override int GetVariableSize(VarTestStruct value) => BCodec.GetSize(value.B);

        protected override void WriteFields(ref SszContainerWriter writer, VarTestStruct value)
        {
            writer.Write(SszCodecs.UInt16, value.A);
            writer.Write(BCodec, value.B);
            writer.Write(SszCodecs.UInt8, value.C);
        }

        protected override VarTestStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(SszCodecs.UInt16), reader.Read(BCodec), reader.Read(SszCodecs.UInt8));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, VarTestStruct value)
        {
            merkleizer.Append(SszCodecs.UInt16.HashTreeRoot(value.A));
            merkleizer.Append(BCodec.HashTreeRoot(value.B));
            merkleizer.Append(SszCodecs.UInt8.HashTreeRoot(value.C));
        }
    }
}
