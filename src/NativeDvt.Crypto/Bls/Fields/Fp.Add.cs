using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls.Fields;

internal readonly partial struct Fp
{
    /// <summary>a + b: limb sums (no carries needed below 2^57), then one conditional subtraction of p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Add(in Fp a, in Fp b) =>
        ReduceOnce(a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4, a.L5 + b.L5, a.L6 + b.L6);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Double(in Fp a) => Add(a, a);

    /// <summary>a - b: signed limb differences with arithmetic-shift borrows, then p added back under a mask when negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Sub(in Fp a, in Fp b)
    {
        var d = (long)a.L0 - (long)b.L0;
        var t0 = (ulong)d & Mask;
        d = (long)a.L1 - (long)b.L1 + (d >> 56);
        var t1 = (ulong)d & Mask;
        d = (long)a.L2 - (long)b.L2 + (d >> 56);
        var t2 = (ulong)d & Mask;
        d = (long)a.L3 - (long)b.L3 + (d >> 56);
        var t3 = (ulong)d & Mask;
        d = (long)a.L4 - (long)b.L4 + (d >> 56);
        var t4 = (ulong)d & Mask;
        d = (long)a.L5 - (long)b.L5 + (d >> 56);
        var t5 = (ulong)d & Mask;
        d = (long)a.L6 - (long)b.L6 + (d >> 56);
        return AddMaskedP(t0, t1, t2, t3, t4, t5, (ulong)d & Mask, (ulong)(d >> 63));
    }

    /// <summary>p - a, and zero for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Neg(in Fp a)
    {
        var mask = ~ConstantTime.IsZeroMask(a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5 | a.L6);
        var d = (long)Q0 - (long)a.L0;
        var t0 = (ulong)d & Mask;
        d = (long)Q1 - (long)a.L1 + (d >> 56);
        var t1 = (ulong)d & Mask;
        d = (long)Q2 - (long)a.L2 + (d >> 56);
        var t2 = (ulong)d & Mask;
        d = (long)Q3 - (long)a.L3 + (d >> 56);
        var t3 = (ulong)d & Mask;
        d = (long)Q4 - (long)a.L4 + (d >> 56);
        var t4 = (ulong)d & Mask;
        d = (long)Q5 - (long)a.L5 + (d >> 56);
        var t5 = (ulong)d & Mask;
        d = (long)Q6 - (long)a.L6 + (d >> 56);
        return new Fp(t0 & mask, t1 & mask, t2 & mask, t3 & mask, t4 & mask, t5 & mask, (ulong)d & mask);
    }

    /// <summary>a + b carried into 56-bit limbs but not reduced mod p: an operand for <see cref="FpWide.Mul"/> only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp SumUnreduced(in Fp a, in Fp b)
    {
        var c = a.L0 + b.L0;
        var r0 = c & Mask;
        c = a.L1 + b.L1 + (c >> 56);
        var r1 = c & Mask;
        c = a.L2 + b.L2 + (c >> 56);
        var r2 = c & Mask;
        c = a.L3 + b.L3 + (c >> 56);
        var r3 = c & Mask;
        c = a.L4 + b.L4 + (c >> 56);
        var r4 = c & Mask;
        c = a.L5 + b.L5 + (c >> 56);
        var r5 = c & Mask;
        return new Fp(r0, r1, r2, r3, r4, r5, a.L6 + b.L6 + (c >> 56));
    }

    /// <summary>p - a (p itself for zero) carried into 56-bit limbs: a product operand, cheaper than <see cref="Neg"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp NegUnreduced(in Fp a)
    {
        var d = (long)Q0 - (long)a.L0;
        var r0 = (ulong)d & Mask;
        d = (long)Q1 - (long)a.L1 + (d >> 56);
        var r1 = (ulong)d & Mask;
        d = (long)Q2 - (long)a.L2 + (d >> 56);
        var r2 = (ulong)d & Mask;
        d = (long)Q3 - (long)a.L3 + (d >> 56);
        var r3 = (ulong)d & Mask;
        d = (long)Q4 - (long)a.L4 + (d >> 56);
        var r4 = (ulong)d & Mask;
        d = (long)Q5 - (long)a.L5 + (d >> 56);
        var r5 = (ulong)d & Mask;
        d = (long)Q6 - (long)a.L6 + (d >> 56);
        return new Fp(r0, r1, r2, r3, r4, r5, (ulong)d);
    }

    /// <summary>a - b + p (between 0 and 2p) carried into 56-bit limbs but not reduced: an operand for <see cref="FpWide.Mul"/> only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp DifferencePlusP(in Fp a, in Fp b)
    {
        var d = (long)a.L0 - (long)b.L0 + (long)Q0;
        var r0 = (ulong)d & Mask;
        d = (long)a.L1 - (long)b.L1 + (long)Q1 + (d >> 56);
        var r1 = (ulong)d & Mask;
        d = (long)a.L2 - (long)b.L2 + (long)Q2 + (d >> 56);
        var r2 = (ulong)d & Mask;
        d = (long)a.L3 - (long)b.L3 + (long)Q3 + (d >> 56);
        var r3 = (ulong)d & Mask;
        d = (long)a.L4 - (long)b.L4 + (long)Q4 + (d >> 56);
        var r4 = (ulong)d & Mask;
        d = (long)a.L5 - (long)b.L5 + (long)Q5 + (d >> 56);
        var r5 = (ulong)d & Mask;
        d = (long)a.L6 - (long)b.L6 + (long)Q6 + (d >> 56);
        return new Fp(r0, r1, r2, r3, r4, r5, (ulong)d);
    }

    /// <summary>Half of a (a·2^-1 mod p): adds p when odd, then shifts.</summary>
    public static Fp Half(in Fp a)
    {
        var odd = 0 - (a.L0 & 1);
        var c = a.L0 + (Q0 & odd);
        var n0 = c & Mask;
        c = a.L1 + (Q1 & odd) + (c >> 56);
        var n1 = c & Mask;
        c = a.L2 + (Q2 & odd) + (c >> 56);
        var n2 = c & Mask;
        c = a.L3 + (Q3 & odd) + (c >> 56);
        var n3 = c & Mask;
        c = a.L4 + (Q4 & odd) + (c >> 56);
        var n4 = c & Mask;
        c = a.L5 + (Q5 & odd) + (c >> 56);
        var n5 = c & Mask;
        var n6 = a.L6 + (Q6 & odd) + (c >> 56);
        return new Fp(
            (n0 >> 1) | ((n1 & 1) << 55),
            (n1 >> 1) | ((n2 & 1) << 55),
            (n2 >> 1) | ((n3 & 1) << 55),
            (n3 >> 1) | ((n4 & 1) << 55),
            (n4 >> 1) | ((n5 & 1) << 55),
            (n5 >> 1) | ((n6 & 1) << 55),
            n6 >> 1);
    }

    /// <summary>
    /// Canonical form of a value below 2p given as limbs below 2^57 (not necessarily carried):
    /// subtracts p with arithmetic-shift borrows, then adds p back under a mask when that went negative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp ReduceOnce(ulong s0, ulong s1, ulong s2, ulong s3, ulong s4, ulong s5, ulong s6)
    {
        var d = (long)s0 - (long)Q0;
        var t0 = (ulong)d & Mask;
        d = (long)s1 - (long)Q1 + (d >> 56);
        var t1 = (ulong)d & Mask;
        d = (long)s2 - (long)Q2 + (d >> 56);
        var t2 = (ulong)d & Mask;
        d = (long)s3 - (long)Q3 + (d >> 56);
        var t3 = (ulong)d & Mask;
        d = (long)s4 - (long)Q4 + (d >> 56);
        var t4 = (ulong)d & Mask;
        d = (long)s5 - (long)Q5 + (d >> 56);
        var t5 = (ulong)d & Mask;
        d = (long)s6 - (long)Q6 + (d >> 56);
        return AddMaskedP(t0, t1, t2, t3, t4, t5, (ulong)d & Mask, (ulong)(d >> 63));
    }

    /// <summary>t + (p AND mask), carried into 56-bit limbs (t is a difference that may have wrapped below zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp AddMaskedP(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong mask)
    {
        var c = t0 + (Q0 & mask);
        var r0 = c & Mask;
        c = t1 + (Q1 & mask) + (c >> 56);
        var r1 = c & Mask;
        c = t2 + (Q2 & mask) + (c >> 56);
        var r2 = c & Mask;
        c = t3 + (Q3 & mask) + (c >> 56);
        var r3 = c & Mask;
        c = t4 + (Q4 & mask) + (c >> 56);
        var r4 = c & Mask;
        c = t5 + (Q5 & mask) + (c >> 56);
        var r5 = c & Mask;
        c = t6 + (Q6 & mask) + (c >> 56);
        return new Fp(r0, r1, r2, r3, r4, r5, c & Mask);
    }
}
