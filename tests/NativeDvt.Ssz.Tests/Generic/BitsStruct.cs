namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic BitsStruct {A: Bitlist[5], B: Bitvector[2], C: Bitvector[1], D: Bitlist[6], E: Bitvector[8]}.</summary>
internal sealed record BitsStruct(bool[] A, bool[] B, bool[] C, bool[] D, bool[] E)
{
    private static readonly ISszCodec<bool[]> ACodec = SszCodecs.Bitlist(5);
    private static readonly ISszCodec<bool[]> BCodec = SszCodecs.Bitvector(2);
    private static readonly ISszCodec<bool[]> CCodec = SszCodecs.Bitvector(1);
    private static readonly ISszCodec<bool[]> DCodec = SszCodecs.Bitlist(6);
    private static readonly ISszCodec<bool[]> ECodec = SszCodecs.Bitvector(8);

    public static ISszCodec<BitsStruct> Codec { get; } = new BitsStructCodec();

    private sealed class BitsStructCodec() : SszContainerCodec<BitsStruct>(
        new SszContainerLayout(nameof(BitsStruct), ("A", ACodec), ("B", BCodec), ("C", CCodec), ("D", DCodec), ("E", ECodec)))
    {
        protected override int GetVariableSize(BitsStruct value) => ACodec.GetSize(value.A) + DCodec.GetSize(value.D);

        protected override void WriteFields(ref SszContainerWriter writer, BitsStruct value)
        {
            writer.Write(ACodec, value.A);
            writer.Write(BCodec, value.B);
            writer.Write(CCodec, value.C);
            writer.Write(DCodec, value.D);
            writer.Write(ECodec, value.E);
        }

        protected override BitsStruct ReadFields(ref SszContainerReader reader) =>
            new(reader.Read(ACodec), reader.Read(BCodec), reader.Read(CCodec), reader.Read(DCodec), reader.Read(ECodec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, BitsStruct value)
        {
            merkleizer.Append(ACodec.HashTreeRoot(value.A));
            merkleizer.Append(BCodec.HashTreeRoot(value.B));
            merkleizer.Append(CCodec.HashTreeRoot(value.C));
            merkleizer.Append(DCodec.HashTreeRoot(value.D));
            merkleizer.Append(ECodec.HashTreeRoot(value.E));
        }
    }
}
