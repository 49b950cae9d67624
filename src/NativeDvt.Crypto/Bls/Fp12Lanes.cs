using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// The cyclotomic squarings of the final exponentiation with every independent base-field product of
/// one squaring gathered into an <see cref="FpProductBatch"/> (eight products per AVX-512 kernel call):
/// the same formulas as the scalar code (Granger-Scott, Karabina), with the additions done on reduced
/// values after the batch. Only when <see cref="FpLanes.IsSupported"/>. (GF(p^12) products, squares
/// and line products batched this way measured slower than the lazily reduced scalar code: docs/crypto-bls.md.)
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp12Lanes
{
    // Base-field products per GF(p^2) square.
    private const int SquareLanes = 2;

    /// <summary>Granger-Scott squaring (cyclotomic subgroup only): nine GF(p^2) squares in one batch.</summary>
    public static Fp12 CyclotomicSquare(in Fp12 a)
    {
        const int capacity = 9 * SquareLanes;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var batch = new FpProductBatch(buffer, capacity);
        var z0 = a.C0.C0;
        var z4 = a.C0.C1;
        var z3 = a.C0.C2;
        var z2 = a.C1.C0;
        var z1 = a.C1.C1;
        var z5 = a.C1.C2;
        var h01 = AddFp4Square(ref batch, z0, z1);
        var h23 = AddFp4Square(ref batch, z2, z3);
        var h45 = AddFp4Square(ref batch, z4, z5);
        batch.Run();
        GetFp4Square(batch, h01, out var t0, out var t1);
        z0 = Fp12.TripleMinusDouble(t0, z0);
        z1 = Fp12.TriplePlusDouble(t1, z1);
        GetFp4Square(batch, h23, out t0, out t1);
        GetFp4Square(batch, h45, out var t2, out var t3);
        z4 = Fp12.TripleMinusDouble(t0, z4);
        z5 = Fp12.TriplePlusDouble(t1, z5);
        z2 = Fp12.TriplePlusDouble(Fp2.MulByNonResidue(t3), z2);
        z3 = Fp12.TripleMinusDouble(t2, z3);
        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    /// <summary>Karabina's compressed squaring of (g2, g3, g4, g5): six GF(p^2) squares in one batch.</summary>
    public static void CompressedSquare(ref Fp2 g2, ref Fp2 g3, ref Fp2 g4, ref Fp2 g5)
    {
        const int capacity = 6 * SquareLanes;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var batch = new FpProductBatch(buffer, capacity);
        var h23 = AddFp4Square(ref batch, g2, g3);
        var h45 = AddFp4Square(ref batch, g4, g5);
        batch.Run();
        GetFp4Square(batch, h23, out var t0, out var t1);
        GetFp4Square(batch, h45, out var t2, out var t3);
        g4 = Fp12.TripleMinusDouble(t0, g4);
        g5 = Fp12.TriplePlusDouble(t1, g5);
        g2 = Fp12.TriplePlusDouble(Fp2.MulByNonResidue(t3), g2);
        g3 = Fp12.TripleMinusDouble(t2, g3);
    }

    /// <summary>x + y·t squared in GF(p^4) = GF(p^2)[t]/(t^2 - ξ): x^2, y^2, (x + y)^2.</summary>
    private static int AddFp4Square(ref FpProductBatch batch, in Fp2 x, in Fp2 y)
    {
        var index = batch.AddFp2Square(x);
        batch.AddFp2Square(y);
        batch.AddFp2Square(Fp2.Add(x, y));
        return index;
    }

    private static void GetFp4Square(in FpProductBatch batch, int index, out Fp2 c0, out Fp2 c1)
    {
        var t0 = batch.GetFp2Square(index);
        var t1 = batch.GetFp2Square(index + SquareLanes);
        var s = batch.GetFp2Square(index + (2 * SquareLanes));
        c0 = new Fp2(Fp.SubAdd(t1.C0, t1.C1, t0.C0), Fp.Add3(t1.C0, t1.C1, t0.C1));
        c1 = new Fp2(Fp.SubSub(s.C0, t0.C0, t1.C0), Fp.SubSub(s.C1, t0.C1, t1.C1));
    }
}
