using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls.Fields;

internal readonly partial struct Fp
{
    /// <summary>12·a (3b for y^2 = x^3 + 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp MulByCurveB3(in Fp a) => MulSmall(a, 12);

    /// <summary>
    /// k·a mod p for a small k (k·a below 64p; a may be an unreduced sum below 2p) in one pass:
    /// limb products carried into 56-bit limbs, the quotient by p estimated from the top limb
    /// (never too large, at most one too small), k·a - q·p, then one conditional subtraction.
    /// Branch-free; replaces chains of doublings and additions.
    /// </summary>
    public static Fp MulSmall(in Fp a, ulong k) => ReduceSmall(
        (long)(a.L0 * k), (long)(a.L1 * k), (long)(a.L2 * k), (long)(a.L3 * k), (long)(a.L4 * k), (long)(a.L5 * k), (long)(a.L6 * k));

    /// <summary>3t - 2z in one pass (the cyclotomic squaring's output step).</summary>
    public static Fp TripleMinusDouble(in Fp t, in Fp z) => ReduceSmall(
        (long)((3 * t.L0) + (2 * Q0)) - (long)(2 * z.L0),
        (long)((3 * t.L1) + (2 * Q1)) - (long)(2 * z.L1),
        (long)((3 * t.L2) + (2 * Q2)) - (long)(2 * z.L2),
        (long)((3 * t.L3) + (2 * Q3)) - (long)(2 * z.L3),
        (long)((3 * t.L4) + (2 * Q4)) - (long)(2 * z.L4),
        (long)((3 * t.L5) + (2 * Q5)) - (long)(2 * z.L5),
        (long)((3 * t.L6) + (2 * Q6)) - (long)(2 * z.L6));

    /// <summary>3t + 2z in one pass.</summary>
    public static Fp TriplePlusDouble(in Fp t, in Fp z) => ReduceSmall(
        (long)((3 * t.L0) + (2 * z.L0)),
        (long)((3 * t.L1) + (2 * z.L1)),
        (long)((3 * t.L2) + (2 * z.L2)),
        (long)((3 * t.L3) + (2 * z.L3)),
        (long)((3 * t.L4) + (2 * z.L4)),
        (long)((3 * t.L5) + (2 * z.L5)),
        (long)((3 * t.L6) + (2 * z.L6)));

    /// <summary>a - b + c in one pass.</summary>
    public static Fp SubAdd(in Fp a, in Fp b, in Fp c) => ReduceSmall(
        (long)(a.L0 + c.L0 + Q0) - (long)b.L0,
        (long)(a.L1 + c.L1 + Q1) - (long)b.L1,
        (long)(a.L2 + c.L2 + Q2) - (long)b.L2,
        (long)(a.L3 + c.L3 + Q3) - (long)b.L3,
        (long)(a.L4 + c.L4 + Q4) - (long)b.L4,
        (long)(a.L5 + c.L5 + Q5) - (long)b.L5,
        (long)(a.L6 + c.L6 + Q6) - (long)b.L6);

    /// <summary>a + b + c in one pass.</summary>
    public static Fp Add3(in Fp a, in Fp b, in Fp c) => ReduceSmall(
        (long)(a.L0 + b.L0 + c.L0),
        (long)(a.L1 + b.L1 + c.L1),
        (long)(a.L2 + b.L2 + c.L2),
        (long)(a.L3 + b.L3 + c.L3),
        (long)(a.L4 + b.L4 + c.L4),
        (long)(a.L5 + b.L5 + c.L5),
        (long)(a.L6 + b.L6 + c.L6));

    /// <summary>a - b - c in one pass.</summary>
    public static Fp SubSub(in Fp a, in Fp b, in Fp c) => ReduceSmall(
        (long)(a.L0 + (2 * Q0)) - (long)(b.L0 + c.L0),
        (long)(a.L1 + (2 * Q1)) - (long)(b.L1 + c.L1),
        (long)(a.L2 + (2 * Q2)) - (long)(b.L2 + c.L2),
        (long)(a.L3 + (2 * Q3)) - (long)(b.L3 + c.L3),
        (long)(a.L4 + (2 * Q4)) - (long)(b.L4 + c.L4),
        (long)(a.L5 + (2 * Q5)) - (long)(b.L5 + c.L5),
        (long)(a.L6 + (2 * Q6)) - (long)(b.L6 + c.L6));

    /// <summary>
    /// The canonical form of a value between 0 and 64p given as signed limbs (each below 2^62 in
    /// magnitude, not carried): carried into 56-bit limbs, the quotient by p estimated from the top
    /// limb (never too large, at most one too small) by a multiply-high, q·p subtracted, then one
    /// conditional subtraction. Branch-free.
    /// </summary>
    // ceil(2^96 / (p_6 + 1)), p_6 the top 56-bit limb of p: (n·QuotientMagic) >> 96 is exactly
    // floor(n / (p_6 + 1)) for every n below 2^51, without a (data-dependent, at tier 0) division.
    private const ulong QuotientMagic = 0x9D835D2F3CC95;

    private static Fp ReduceSmall(long s0, long s1, long s2, long s3, long s4, long s5, long s6)
    {
        var n0 = (ulong)s0 & Mask;
        s1 += s0 >> 56;
        var n1 = (ulong)s1 & Mask;
        s2 += s1 >> 56;
        var n2 = (ulong)s2 & Mask;
        s3 += s2 >> 56;
        var n3 = (ulong)s3 & Mask;
        s4 += s3 >> 56;
        var n4 = (ulong)s4 & Mask;
        s5 += s4 >> 56;
        var n5 = (ulong)s5 & Mask;
        var n6 = (ulong)(s6 + (s5 >> 56));
        var q = MulHigh(n6, QuotientMagic) >> 32;
        var d = (long)n0 - (long)(q * Q0);
        var t0 = (ulong)d & Mask;
        d = (long)n1 - (long)(q * Q1) + (d >> 56);
        var t1 = (ulong)d & Mask;
        d = (long)n2 - (long)(q * Q2) + (d >> 56);
        var t2 = (ulong)d & Mask;
        d = (long)n3 - (long)(q * Q3) + (d >> 56);
        var t3 = (ulong)d & Mask;
        d = (long)n4 - (long)(q * Q4) + (d >> 56);
        var t4 = (ulong)d & Mask;
        d = (long)n5 - (long)(q * Q5) + (d >> 56);
        var t5 = (ulong)d & Mask;
        d = (long)n6 - (long)(q * Q6) + (d >> 56);
        return ReduceOnce(t0, t1, t2, t3, t4, t5, (ulong)d);
    }
}
