namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>
/// ssz_generic ComplexTestStruct {A: uint16, B: List[uint16, 128], C: uint8, D: List[uint8, 256],
/// E: VarTestStruct, F: Vector[FixedTestStruct, 4], G: Vector[VarTestStruct, 2]}.
/// </summary>
internal sealed record ComplexTestStruct(
    ushort A,
    IReadOnlyList<ushort> B,
    byte C,
    IReadOnlyList<byte> D,
    VarTestStruct E,
    IReadOnlyList<FixedTestStruct> F,
    IReadOnlyList<VarTestStruct> G)
{
    private static readonly ISszCodec<IReadOnlyList<ushort>> BCodec = SszCodecs.List(SszCodecs.UInt16, 128);
    private static readonly ISszCodec<IReadOnlyList<byte>> DCodec = SszCodecs.List(SszCodecs.UInt8, 256);
    private static readonly ISszCodec<IReadOnlyList<FixedTestStruct>> FCodec = SszCodecs.Vector(FixedTestStruct.Codec, 4);
    private static readonly ISszCodec<IReadOnlyList<VarTestStruct>> GCodec = SszCodecs.Vector(VarTestStruct.Codec, 2);

    public static ISszCodec<ComplexTestStruct> Codec { get; } = new ComplexTestStructCodec();

    private sealed class ComplexTestStructCodec() : SszContainerCodec<ComplexTestStruct>(
        new SszContainerLayout(
            nameof(ComplexTestStruct),
            ("A", SszCodecs.UInt16),
            ("B", BCodec),
            ("C", SszCodecs.UInt8),
            ("D", DCodec),
            ("E", VarTestStruct.Codec),
            ("F", FCodec),
            ("G", GCodec)))
    {
        protected override int GetVariableSize(ComplexTestStruct value) =>
            BCodec.GetSize(value.B) + DCodec.GetSize(value.D) + VarTestStruct.Codec.GetSize(value.E) + GCodec.GetSize(value.G);

        protected override void WriteFields(ref SszContainerWriter writer, ComplexTestStruct value)
        {
            writer.Write(SszCodecs.UInt16, value.A);
            writer.Write(BCodec, value.B);
            writer.Write(SszCodecs.UInt8, value.C);
            writer.Write(DCodec, value.D);
            writer.Write(VarTestStruct.Codec, value.E);
            writer.Write(FCodec, value.F);
            writer.Write(GCodec, value.G);
        }

        protected override ComplexTestStruct ReadFields(ref SszContainerReader reader) => new(
            reader.Read(SszCodecs.UInt16),
            reader.Read(BCodec),
            reader.Read(SszCodecs.UInt8),
            reader.Read(DCodec),
            reader.Read(VarTestStruct.Codec),
            reader.Read(FCodec),
            reader.Read(GCodec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, ComplexTestStruct value)
        {
            merkleizer.Append(SszCodecs.UInt16.HashTreeRoot(value.A));
            merkleizer.Append(BCodec.HashTreeRoot(value.B));
            merkleizer.Append(SszCodecs.UInt8.HashTreeRoot(value.C));
            merkleizer.Append(DCodec.HashTreeRoot(value.D));
            merkleizer.Append(VarTestStruct.Codec.HashTreeRoot(value.E));
            merkleizer.Append(FCodec.HashTreeRoot(value.F));
            merkleizer.Append(GCodec.HashTreeRoot(value.G));
        }
    }
}
