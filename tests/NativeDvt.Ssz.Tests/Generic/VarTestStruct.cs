namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic VarTestStruct {A: uint16, B: List[uint16, 1024], C: uint8}.</summary>
internal sealed record VarTestStruct(ushort A, IReadOnlyList<ushort> B, byte C)
{
    private static readonly ISszCodec<IReadOnlyList<ushort>> BCodec = Ssz.List(Ssz.UInt16, 1024);

    public static ISszCodec<VarTestStruct> Codec { get; } = new VarTestStructCodec();

    private sealed class VarTestStructCodec() : SszContainerCodec<VarTestStruct>(
        new SszContainerLayout(nameof(VarTestStruct), ("A", Ssz.UInt16), ("B", BCodec), ("C", Ssz.UInt8)))
    {
        protected override int GetVariableSize(VarTestStruct value) => BCodec.GetSize(value.B);

        protected override void WriteFields(ref SszContainerWriter writer, VarTestStruct value)
        {
            writer.Write(Ssz.UInt16, value.A);
            writer.Write(BCodec, value.B);
            writer.Write(Ssz.UInt8, value.C);
        }

        protected override VarTestStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(Ssz.UInt16), reader.Read(BCodec), reader.Read(Ssz.UInt8));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, VarTestStruct value)
        {
            merkleizer.Append(Ssz.UInt16.HashTreeRoot(value.A));
            merkleizer.Append(BCodec.HashTreeRoot(value.B));
            merkleizer.Append(Ssz.UInt8.HashTreeRoot(value.C));
        }
    }
}
