using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// The GF(p^12) operations of the pairing with every independent base-field product of one
/// operation gathered into an <see cref="FpProductBatch"/> (eight products per AVX-512 kernel call):
/// the same formulas as the scalar <see cref="Fp12"/> code (Karatsuba over GF(p^12), GF(p^6) and
/// GF(p^2), the sparse line product, Granger-Scott and Karabina squarings). Operand sums are carried
/// but not reduced (the lane product takes operands below 8p); the sums and differences of products
/// after the batch are on reduced values. Only when <see cref="FpLanes.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp12Lanes
{
    // Base-field products per GF(p^2) product (Karatsuba).
    private const int ProductLanes = 3;

    // Results per GF(p^4) square: two fused GF(p^2) products.
    private const int Fp4SquareLanes = 2;

    /// <summary>Karatsuba over w: three GF(p^6) products, 18 GF(p^2) products, 54 base-field products.</summary>
    public static Fp12 Mul(in Fp12 a, in Fp12 b)
    {
        const int capacity = 3 * 6 * ProductLanes;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var batch = new FpProductBatch(buffer, capacity);
        var h0 = AddFp6Product(ref batch, a.C0, b.C0);
        var h1 = AddFp6Product(ref batch, a.C1, b.C1);
        var h2 = AddFp6Product(ref batch, Sum(a.C0, a.C1), Sum(b.C0, b.C1));
        batch.Run();
        var t0 = GetFp6Product(batch, h0);
        var t1 = GetFp6Product(batch, h1);
        var c1 = Fp6.Sub(Fp6.Sub(GetFp6Product(batch, h2), t0), t1);
        return new Fp12(Fp6.Add(t0, Fp6.MulByV(t1)), c1);
    }

    /// <summary>Complex squaring: a0 a1 and (a0 + a1)(a0 + v a1), two GF(p^6) products in one batch.</summary>
    public static Fp12 Square(in Fp12 a)
    {
        const int capacity = 2 * 6 * ProductLanes;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var batch = new FpProductBatch(buffer, capacity);
        var h0 = AddFp6Product(ref batch, a.C0, a.C1);
        var h1 = AddFp6Product(ref batch, Sum(a.C0, a.C1), Sum(a.C0, Fp6.MulByV(a.C1)));
        batch.Run();
        var t = GetFp6Product(batch, h0);
        var c0 = Fp6.Sub(Fp6.Sub(GetFp6Product(batch, h1), t), Fp6.MulByV(t));
        return new Fp12(c0, Fp6.Add(t, t));
    }

    /// <summary>Product with a line l0 + l1·v + l4·v·w: 13 GF(p^2) products (39 base-field products) in one batch.</summary>
    public static Fp12 MulByLine(in Fp12 a, in Fp2 l0, in Fp2 l1, in Fp2 l4)
    {
        const int capacity = 13 * ProductLanes;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var batch = new FpProductBatch(buffer, capacity);
        var h0 = AddMulBy01(ref batch, a.C0, l0, l1);
        var h1 = AddMulBy1(ref batch, a.C1, l4);
        var h2 = AddMulBy01(ref batch, Sum(a.C0, a.C1), l0, Fp2.SumUnreduced(l1, l4));
        batch.Run();
        var t0 = GetMulBy01(batch, h0);
        var t1 = GetMulBy1(batch, h1);
        var c1 = Fp6.Sub(Fp6.Sub(GetMulBy01(batch, h2), t0), t1);
        return new Fp12(Fp6.Add(t0, Fp6.MulByV(t1)), c1);
    }

    /// <summary>
    /// The product of two Miller-loop lines l0 + l1·v + l4·v·w and m0 + m1·v + m4·v·w: six GF(p^2)
    /// products (Karatsuba on the three pairs), a GF(p^12) element whose w·1 coefficient is zero. Two
    /// lines multiplied together and then into f cost less than two line products into f.
    /// </summary>
    public static Fp12 LineProduct(in Fp2 l0, in Fp2 l1, in Fp2 l4, in Fp2 m0, in Fp2 m1, in Fp2 m4)
    {
        const int capacity = 6 * ProductLanes;
        var buffer = stackalloc ulong[FpProductBatch.WordsFor(capacity)];
        var batch = new FpProductBatch(buffer, capacity);
        var h00 = batch.AddFp2Product(l0, m0);
        var h11 = batch.AddFp2Product(l1, m1);
        var h44 = batch.AddFp2Product(l4, m4);
        var h01 = batch.AddFp2Product(Fp2.SumUnreduced(l0, l1), Fp2.SumUnreduced(m0, m1));
        var h04 = batch.AddFp2Product(Fp2.SumUnreduced(l0, l4), Fp2.SumUnreduced(m0, m4));
        var h14 = batch.AddFp2Product(Fp2.SumUnreduced(l1, l4), Fp2.SumUnreduced(m1, m4));
        batch.Run();
        var t00 = batch.GetFp2Product(h00);
        var t11 = batch.GetFp2Product(h11);
        var t44 = batch.GetFp2Product(h44);
        return new Fp12(
            new Fp6(Fp2.Add(t00, Fp2.MulByNonResidue(t44)), SubSub(batch.GetFp2Product(h01), t00, t11), t11),
            new Fp6(Fp2.Zero, SubSub(batch.GetFp2Product(h04), t00, t44), SubSub(batch.GetFp2Product(h14), t11, t44)));
    }

    /// <summary>Granger-Scott squaring (cyclotomic subgroup only): three GF(p^4) squares, twelve sums of products in one batch.</summary>
    public static Fp12 CyclotomicSquare(in Fp12 a)
    {
        const int capacity = 3 * 2 * Fp4SquareLanes;
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

    /// <summary>Karabina's compressed squaring of (g2, g3, g4, g5): two GF(p^4) squares, eight sums of products (one kernel call).</summary>
    public static void CompressedSquare(ref Fp2 g2, ref Fp2 g3, ref Fp2 g4, ref Fp2 g5)
    {
        const int capacity = 2 * 2 * Fp4SquareLanes;
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

    /// <summary>a - b - c in one pass per component.</summary>
    private static Fp2 SubSub(in Fp2 a, in Fp2 b, in Fp2 c) => new(Fp.SubSub(a.C0, b.C0, c.C0), Fp.SubSub(a.C1, b.C1, c.C1));

    /// <summary>a - b + c in one pass per component.</summary>
    private static Fp2 SubAdd(in Fp2 a, in Fp2 b, in Fp2 c) => new(Fp.SubAdd(a.C0, b.C0, c.C0), Fp.SubAdd(a.C1, b.C1, c.C1));

    /// <summary>Coefficient-wise sum, carried but not reduced (an operand of the batch only).</summary>
    private static Fp6 Sum(in Fp6 a, in Fp6 b) => new(Fp2.SumUnreduced(a.C0, b.C0), Fp2.SumUnreduced(a.C1, b.C1), Fp2.SumUnreduced(a.C2, b.C2));

    /// <summary>Karatsuba over v: a0 b0, a1 b1, a2 b2, (a1 + a2)(b1 + b2), (a0 + a1)(b0 + b1), (a0 + a2)(b0 + b2).</summary>
    private static int AddFp6Product(ref FpProductBatch batch, in Fp6 a, in Fp6 b)
    {
        var index = batch.AddFp2Product(a.C0, b.C0);
        batch.AddFp2Product(a.C1, b.C1);
        batch.AddFp2Product(a.C2, b.C2);
        batch.AddFp2Product(Fp2.SumUnreduced(a.C1, a.C2), Fp2.SumUnreduced(b.C1, b.C2));
        batch.AddFp2Product(Fp2.SumUnreduced(a.C0, a.C1), Fp2.SumUnreduced(b.C0, b.C1));
        batch.AddFp2Product(Fp2.SumUnreduced(a.C0, a.C2), Fp2.SumUnreduced(b.C0, b.C2));
        return index;
    }

    private static Fp6 GetFp6Product(in FpProductBatch batch, int index)
    {
        var t0 = batch.GetFp2Product(index);
        var t1 = batch.GetFp2Product(index + ProductLanes);
        var t2 = batch.GetFp2Product(index + (2 * ProductLanes));
        var s12 = batch.GetFp2Product(index + (3 * ProductLanes));
        var s01 = batch.GetFp2Product(index + (4 * ProductLanes));
        var s02 = batch.GetFp2Product(index + (5 * ProductLanes));
        return new Fp6(
            Fp2.Add(Fp2.MulByNonResidue(SubSub(s12, t1, t2)), t0),
            Fp2.Add(SubSub(s01, t0, t1), Fp2.MulByNonResidue(t2)),
            SubAdd(s02, Fp2.Add(t0, t2), t1));
    }

    /// <summary>(a0 + a1 v + a2 v^2)(b0 + b1 v): a0 b0, a1 b1, a2 b1, (a0 + a1)(b0 + b1), a2 b0.</summary>
    private static int AddMulBy01(ref FpProductBatch batch, in Fp6 a, in Fp2 b0, in Fp2 b1)
    {
        var index = batch.AddFp2Product(a.C0, b0);
        batch.AddFp2Product(a.C1, b1);
        batch.AddFp2Product(a.C2, b1);
        batch.AddFp2Product(Fp2.SumUnreduced(a.C0, a.C1), Fp2.SumUnreduced(b0, b1));
        batch.AddFp2Product(a.C2, b0);
        return index;
    }

    private static Fp6 GetMulBy01(in FpProductBatch batch, int index)
    {
        var t0 = batch.GetFp2Product(index);
        var t1 = batch.GetFp2Product(index + ProductLanes);
        var a2b1 = batch.GetFp2Product(index + (2 * ProductLanes));
        var s01 = batch.GetFp2Product(index + (3 * ProductLanes));
        var a2b0 = batch.GetFp2Product(index + (4 * ProductLanes));
        return new Fp6(Fp2.Add(Fp2.MulByNonResidue(a2b1), t0), SubSub(s01, t0, t1), Fp2.Add(a2b0, t1));
    }

    /// <summary>(a0 + a1 v + a2 v^2)·b1 v: a2 b1, a0 b1, a1 b1.</summary>
    private static int AddMulBy1(ref FpProductBatch batch, in Fp6 a, in Fp2 b1)
    {
        var index = batch.AddFp2Product(a.C2, b1);
        batch.AddFp2Product(a.C0, b1);
        batch.AddFp2Product(a.C1, b1);
        return index;
    }

    private static Fp6 GetMulBy1(in FpProductBatch batch, int index) => new(
        Fp2.MulByNonResidue(batch.GetFp2Product(index)),
        batch.GetFp2Product(index + ProductLanes),
        batch.GetFp2Product(index + (2 * ProductLanes)));

    /// <summary>
    /// x + y·t squared in GF(p^4) = GF(p^2)[t]/(t^2 - ξ) as a complex squaring: t = x·y and
    /// u = (x + y)(x + ξ y), two fused GF(p^2) products (four sums of two base-field products, half a
    /// kernel call) instead of three GF(p^2) squares (six products).
    /// </summary>
    private static int AddFp4Square(ref FpProductBatch batch, in Fp2 x, in Fp2 y)
    {
        var index = batch.AddFp2ProductFused(x, y);
        batch.AddFp2ProductFused(Fp2.Add(x, y), Fp2.SumUnreduced(x, Fp2.MulByNonResidue(y)));
        return index;
    }

    /// <summary>c0 = u - t - ξ t = x^2 + ξ y^2, c1 = 2t.</summary>
    private static void GetFp4Square(in FpProductBatch batch, int index, out Fp2 c0, out Fp2 c1)
    {
        var t = batch.GetFp2ProductFused(index);
        var u = batch.GetFp2ProductFused(index + Fp4SquareLanes);
        var xiT = Fp2.MulByNonResidue(t);
        c0 = new Fp2(Fp.SubSub(u.C0, t.C0, xiT.C0), Fp.SubSub(u.C1, t.C1, xiT.C1));
        c1 = Fp2.Double(t);
    }
}
