using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>
/// An element of the BLS12-381 base field GF(p), held in Montgomery form (a·2^392 mod p) as seven
/// little-endian 56-bit limbs in 64-bit words, always canonical (below p, every limb below 2^56).
/// The spare eight bits of each word let products accumulate column sums without carry detection,
/// which .NET cannot express as add-with-carry. Arithmetic is branch-free on the values (the final
/// reductions use masks), so it is safe for secret data.
/// </summary>
internal readonly struct Fp : IEquatable<Fp>, IFieldElement<Fp>
{
    /// <summary>Size of a canonical big-endian encoding.</summary>
    public const int ByteLength = 48;

    private const int Limbs = 7;

    private const ulong Mask = (1UL << 56) - 1;

    // p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab in 56-bit limbs, low to high.
    private const ulong Q0 = 0xFEFFFFFFFFAAAB;
    private const ulong Q1 = 0xFFFEB153FFFFB9;
    private const ulong Q2 = 0xA0F6B0F6241EAB;
    private const ulong Q3 = 0xF38512BF6730D2;
    private const ulong Q4 = 0x4BACD764774B84;
    private const ulong Q5 = 0xE69A4B1BA7B643;
    private const ulong Q6 = 0x001A0111EA397F;

    // The limbs of p shifted left by 8: a product x·(y << 8) has floor(x·y / 2^56) as its high word and (x·y mod 2^56) << 8 as its low word.
    private const ulong Qs0 = 0xFEFFFFFFFFAAAB00;
    private const ulong Qs1 = 0xFFFEB153FFFFB900;
    private const ulong Qs2 = 0xA0F6B0F6241EAB00;
    private const ulong Qs3 = 0xF38512BF6730D200;
    private const ulong Qs4 = 0x4BACD764774B8400;
    private const ulong Qs5 = 0xE69A4B1BA7B64300;
    private const ulong Qs6 = 0x001A0111EA397F00;

    // -p^-1 mod 2^56, shifted left by 8 (the reduction factor).
    private const ulong QInvShifted = 0xF3FFFCFFFCFFFD00;

    // 512·p^2 in 56-bit columns: the offset that keeps signed sums of products non-negative before reduction.
    private const ulong Offset0 = 0x000038E31C7200;
    private const ulong Offset1 = 0x3AEC705D564D54;
    private const ulong Offset2 = 0xC42279FAF9DAD6;
    private const ulong Offset3 = 0xE36E862C586706;
    private const ulong Offset4 = 0x4092CD7F23DA7C;
    private const ulong Offset5 = 0xF6525D0B50E123;
    private const ulong Offset6 = 0x3AD0C3390C30B8;
    private const ulong Offset7 = 0x62926612F1DE02;
    private const ulong Offset8 = 0x59FA2DBB94DDEA;
    private const ulong Offset9 = 0x92693D17A0A14C;
    private const ulong Offset10 = 0x1CE08D68CDCB3C;
    private const ulong Offset11 = 0x5E4BD3C5B921CA;
    private const ulong Offset12 = 0xBF8E97A4F1D544;
    private const ulong Offset13 = 0x0005486F497186;

    // p in 64-bit limbs, low to high, for range checks on decoded values.
    private const ulong P64L0 = 0xB9FEFFFFFFFFAAAB;
    private const ulong P64L1 = 0x1EABFFFEB153FFFF;
    private const ulong P64L2 = 0x6730D2A0F6B0F624;
    private const ulong P64L3 = 0x64774B84F38512BF;
    private const ulong P64L4 = 0x4B1BA7B6434BACD7;
    private const ulong P64L5 = 0x1A0111EA397FE69A;

    internal readonly ulong L0, L1, L2, L3, L4, L5, L6;

    /// <summary>From 56-bit limbs of a value already in Montgomery form and below p.</summary>
    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
        L6 = l6;
    }

    public static Fp Zero => default;

    // R = 2^392 mod p: the Montgomery form of 1.
    public static Fp One => new(0xD800000347FCB8, 0x0CDE6D2002B119, 0x83A2090C7212E0, 0xDA0F73E037669F, 0x1297BB09B09B42, 0x012CA7C515D98F, 0x000577A659FCFA);

    // R^2 mod p: multiplying a canonical value by it enters Montgomery form.
    private static Fp R2 => new(0x6D1C34510370ED, 0xEC45C53E243D62, 0x093317D3B1D65A, 0x5D74088B4F36A0, 0x865D118C10EA72, 0xFD5CD507320A75, 0x000C8D4CC8A759);

    // The integer 1 (not in Montgomery form): multiplying by it leaves Montgomery form.
    private static Fp RawOne => new(1, 0, 0, 0, 0, 0, 0);

    // (p+1)/4: since p = 3 mod 4, a^((p+1)/4) is a square root of a square a.
    private static readonly ulong[] SqrtExponent = [0xEE7FBFFFFFFFEAAB, 0x07AAFFFFAC54FFFF, 0xD9CC34A83DAC3D89, 0xD91DD2E13CE144AF, 0x92C6E9ED90D2EB35, 0x0680447A8E5FF9A6];

    // (p-3)/4: for a square t, t^((p-3)/4) is 1/sqrt(t) and t·t^((p-3)/4) is sqrt(t).
    private static readonly ulong[] InverseSqrtExponent = [0xEE7FBFFFFFFFEAAA, 0x07AAFFFFAC54FFFF, 0xD9CC34A83DAC3D89, 0xD91DD2E13CE144AF, 0x92C6E9ED90D2EB35, 0x0680447A8E5FF9A6];

    // (p-1)/2: Euler's criterion exponent (Legendre symbol).
    private static readonly ulong[] LegendreExponent = [0xDCFF7FFFFFFFD555, 0x0F55FFFF58A9FFFF, 0xB39869507B587B12, 0xB23BA5C279C2895F, 0x258DD3DB21A5D66B, 0x0D0088F51CBFF34D];

    // p-2: Fermat inversion exponent.
    private static readonly ulong[] InverseExponent = [0xB9FEFFFFFFFFAAA9, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A];

    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5 | L6) == 0;

    public bool IsOne => Equals(One);

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

    /// <summary>
    /// Montgomery product a·b·2^-392, finely integrated product scanning: column k sums the low
    /// halves of a_i·b_j (i + j = k) and m_i·p_j and the high halves from column k - 1, each below
    /// 2^56, in plain 64-bit additions; the first seven columns each fix one reduction digit m_k.
    /// Inputs below 2p (canonical, or unreduced sums with limbs below 2^56) give a result below
    /// 2p, and one conditional subtraction makes it canonical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Mul(in Fp a, in Fp b) => FpNative.IsEnabled ? FpNative.Mul(a, b) : MulManaged(a, b);

    /// <summary>The managed <see cref="Mul"/> (where the native kernel does not run, and its reference).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    internal static unsafe Fp MulManaged(in Fp a, in Fp b)
    {
        var m = stackalloc ulong[Limbs];
        var b8 = stackalloc ulong[Limbs];
        b8[0] = b.L0 << 8;
        b8[1] = b.L1 << 8;
        b8[2] = b.L2 << 8;
        b8[3] = b.L3 << 8;
        b8[4] = b.L4 << 8;
        b8[5] = b.L5 << 8;
        b8[6] = b.L6 << 8;
        ulong acc = 0, u, v, w;
        u = (a.L0 * b8[0] >> 8);
        acc = acc + u;
        m[0] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[1] >> 8);
        u += (a.L1 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[0]);
        w = (m[0] * Qs1 >> 8);
        w += MulHigh(m[0], Qs0);
        acc = acc + u + v + w;
        m[1] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[2] >> 8);
        u += (a.L1 * b8[1] >> 8);
        u += (a.L2 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[1]);
        v += MulHigh(a.L1, b8[0]);
        w = (m[0] * Qs2 >> 8);
        w += (m[1] * Qs1 >> 8);
        w += MulHigh(m[0], Qs1);
        w += MulHigh(m[1], Qs0);
        acc = acc + u + v + w;
        m[2] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[3] >> 8);
        u += (a.L1 * b8[2] >> 8);
        u += (a.L2 * b8[1] >> 8);
        u += (a.L3 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[2]);
        v += MulHigh(a.L1, b8[1]);
        v += MulHigh(a.L2, b8[0]);
        w = (m[0] * Qs3 >> 8);
        w += (m[1] * Qs2 >> 8);
        w += (m[2] * Qs1 >> 8);
        w += MulHigh(m[0], Qs2);
        w += MulHigh(m[1], Qs1);
        w += MulHigh(m[2], Qs0);
        acc = acc + u + v + w;
        m[3] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[4] >> 8);
        u += (a.L1 * b8[3] >> 8);
        u += (a.L2 * b8[2] >> 8);
        u += (a.L3 * b8[1] >> 8);
        u += (a.L4 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[3]);
        v += MulHigh(a.L1, b8[2]);
        v += MulHigh(a.L2, b8[1]);
        v += MulHigh(a.L3, b8[0]);
        w = (m[0] * Qs4 >> 8);
        w += (m[1] * Qs3 >> 8);
        w += (m[2] * Qs2 >> 8);
        w += (m[3] * Qs1 >> 8);
        w += MulHigh(m[0], Qs3);
        w += MulHigh(m[1], Qs2);
        w += MulHigh(m[2], Qs1);
        w += MulHigh(m[3], Qs0);
        acc = acc + u + v + w;
        m[4] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[5] >> 8);
        u += (a.L1 * b8[4] >> 8);
        u += (a.L2 * b8[3] >> 8);
        u += (a.L3 * b8[2] >> 8);
        u += (a.L4 * b8[1] >> 8);
        u += (a.L5 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[4]);
        v += MulHigh(a.L1, b8[3]);
        v += MulHigh(a.L2, b8[2]);
        v += MulHigh(a.L3, b8[1]);
        v += MulHigh(a.L4, b8[0]);
        w = (m[0] * Qs5 >> 8);
        w += (m[1] * Qs4 >> 8);
        w += (m[2] * Qs3 >> 8);
        w += (m[3] * Qs2 >> 8);
        w += (m[4] * Qs1 >> 8);
        w += MulHigh(m[0], Qs4);
        w += MulHigh(m[1], Qs3);
        w += MulHigh(m[2], Qs2);
        w += MulHigh(m[3], Qs1);
        w += MulHigh(m[4], Qs0);
        acc = acc + u + v + w;
        m[5] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[6] >> 8);
        u += (a.L1 * b8[5] >> 8);
        u += (a.L2 * b8[4] >> 8);
        u += (a.L3 * b8[3] >> 8);
        u += (a.L4 * b8[2] >> 8);
        u += (a.L5 * b8[1] >> 8);
        u += (a.L6 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[5]);
        v += MulHigh(a.L1, b8[4]);
        v += MulHigh(a.L2, b8[3]);
        v += MulHigh(a.L3, b8[2]);
        v += MulHigh(a.L4, b8[1]);
        v += MulHigh(a.L5, b8[0]);
        w = (m[0] * Qs6 >> 8);
        w += (m[1] * Qs5 >> 8);
        w += (m[2] * Qs4 >> 8);
        w += (m[3] * Qs3 >> 8);
        w += (m[4] * Qs2 >> 8);
        w += (m[5] * Qs1 >> 8);
        w += MulHigh(m[0], Qs5);
        w += MulHigh(m[1], Qs4);
        w += MulHigh(m[2], Qs3);
        w += MulHigh(m[3], Qs2);
        w += MulHigh(m[4], Qs1);
        w += MulHigh(m[5], Qs0);
        acc = acc + u + v + w;
        m[6] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L1 * b8[6] >> 8);
        u += (a.L2 * b8[5] >> 8);
        u += (a.L3 * b8[4] >> 8);
        u += (a.L4 * b8[3] >> 8);
        u += (a.L5 * b8[2] >> 8);
        u += (a.L6 * b8[1] >> 8);
        v = MulHigh(a.L0, b8[6]);
        v += MulHigh(a.L1, b8[5]);
        v += MulHigh(a.L2, b8[4]);
        v += MulHigh(a.L3, b8[3]);
        v += MulHigh(a.L4, b8[2]);
        v += MulHigh(a.L5, b8[1]);
        v += MulHigh(a.L6, b8[0]);
        w = (m[1] * Qs6 >> 8);
        w += (m[2] * Qs5 >> 8);
        w += (m[3] * Qs4 >> 8);
        w += (m[4] * Qs3 >> 8);
        w += (m[5] * Qs2 >> 8);
        w += (m[6] * Qs1 >> 8);
        w += MulHigh(m[0], Qs6);
        w += MulHigh(m[1], Qs5);
        w += MulHigh(m[2], Qs4);
        w += MulHigh(m[3], Qs3);
        w += MulHigh(m[4], Qs2);
        w += MulHigh(m[5], Qs1);
        w += MulHigh(m[6], Qs0);
        acc = acc + u + v + w;
        var r0 = acc & Mask;
        acc >>= 56;
        u = (a.L2 * b8[6] >> 8);
        u += (a.L3 * b8[5] >> 8);
        u += (a.L4 * b8[4] >> 8);
        u += (a.L5 * b8[3] >> 8);
        u += (a.L6 * b8[2] >> 8);
        v = MulHigh(a.L1, b8[6]);
        v += MulHigh(a.L2, b8[5]);
        v += MulHigh(a.L3, b8[4]);
        v += MulHigh(a.L4, b8[3]);
        v += MulHigh(a.L5, b8[2]);
        v += MulHigh(a.L6, b8[1]);
        w = (m[2] * Qs6 >> 8);
        w += (m[3] * Qs5 >> 8);
        w += (m[4] * Qs4 >> 8);
        w += (m[5] * Qs3 >> 8);
        w += (m[6] * Qs2 >> 8);
        w += MulHigh(m[1], Qs6);
        w += MulHigh(m[2], Qs5);
        w += MulHigh(m[3], Qs4);
        w += MulHigh(m[4], Qs3);
        w += MulHigh(m[5], Qs2);
        w += MulHigh(m[6], Qs1);
        acc = acc + u + v + w;
        var r1 = acc & Mask;
        acc >>= 56;
        u = (a.L3 * b8[6] >> 8);
        u += (a.L4 * b8[5] >> 8);
        u += (a.L5 * b8[4] >> 8);
        u += (a.L6 * b8[3] >> 8);
        v = MulHigh(a.L2, b8[6]);
        v += MulHigh(a.L3, b8[5]);
        v += MulHigh(a.L4, b8[4]);
        v += MulHigh(a.L5, b8[3]);
        v += MulHigh(a.L6, b8[2]);
        w = (m[3] * Qs6 >> 8);
        w += (m[4] * Qs5 >> 8);
        w += (m[5] * Qs4 >> 8);
        w += (m[6] * Qs3 >> 8);
        w += MulHigh(m[2], Qs6);
        w += MulHigh(m[3], Qs5);
        w += MulHigh(m[4], Qs4);
        w += MulHigh(m[5], Qs3);
        w += MulHigh(m[6], Qs2);
        acc = acc + u + v + w;
        var r2 = acc & Mask;
        acc >>= 56;
        u = (a.L4 * b8[6] >> 8);
        u += (a.L5 * b8[5] >> 8);
        u += (a.L6 * b8[4] >> 8);
        v = MulHigh(a.L3, b8[6]);
        v += MulHigh(a.L4, b8[5]);
        v += MulHigh(a.L5, b8[4]);
        v += MulHigh(a.L6, b8[3]);
        w = (m[4] * Qs6 >> 8);
        w += (m[5] * Qs5 >> 8);
        w += (m[6] * Qs4 >> 8);
        w += MulHigh(m[3], Qs6);
        w += MulHigh(m[4], Qs5);
        w += MulHigh(m[5], Qs4);
        w += MulHigh(m[6], Qs3);
        acc = acc + u + v + w;
        var r3 = acc & Mask;
        acc >>= 56;
        u = (a.L5 * b8[6] >> 8);
        u += (a.L6 * b8[5] >> 8);
        v = MulHigh(a.L4, b8[6]);
        v += MulHigh(a.L5, b8[5]);
        v += MulHigh(a.L6, b8[4]);
        w = (m[5] * Qs6 >> 8);
        w += (m[6] * Qs5 >> 8);
        w += MulHigh(m[4], Qs6);
        w += MulHigh(m[5], Qs5);
        w += MulHigh(m[6], Qs4);
        acc = acc + u + v + w;
        var r4 = acc & Mask;
        acc >>= 56;
        u = (a.L6 * b8[6] >> 8);
        v = MulHigh(a.L5, b8[6]);
        v += MulHigh(a.L6, b8[5]);
        w = (m[6] * Qs6 >> 8);
        w += MulHigh(m[5], Qs6);
        w += MulHigh(m[6], Qs5);
        acc = acc + u + v + w;
        var r5 = acc & Mask;
        acc >>= 56;
        v = MulHigh(a.L6, b8[6]);
        w = MulHigh(m[6], Qs6);
        acc = acc + v + w;
        var r6 = acc & Mask;
        return ReduceOnce(r0, r1, r2, r3, r4, r5, r6);
    }

    /// <summary>
    /// a·b + c·d with one Montgomery reduction (both products summed in every column). Inputs
    /// up to p keep the result below 2p, so one final subtraction suffices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp MulSum(in Fp a, in Fp b, in Fp c, in Fp d) =>
        FpNative.IsEnabled ? FpNative.MulSum(a, b, c, d) : MulSumManaged(a, b, c, d);

    /// <summary>The managed <see cref="MulSum"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    internal static unsafe Fp MulSumManaged(in Fp a, in Fp b, in Fp c, in Fp d)
    {
        var m = stackalloc ulong[Limbs];
        var b8 = stackalloc ulong[Limbs];
        b8[0] = b.L0 << 8;
        b8[1] = b.L1 << 8;
        b8[2] = b.L2 << 8;
        b8[3] = b.L3 << 8;
        b8[4] = b.L4 << 8;
        b8[5] = b.L5 << 8;
        b8[6] = b.L6 << 8;
        var d8 = stackalloc ulong[Limbs];
        d8[0] = d.L0 << 8;
        d8[1] = d.L1 << 8;
        d8[2] = d.L2 << 8;
        d8[3] = d.L3 << 8;
        d8[4] = d.L4 << 8;
        d8[5] = d.L5 << 8;
        d8[6] = d.L6 << 8;
        ulong acc = 0, u, v, w;
        u = (a.L0 * b8[0] >> 8);
        u += (c.L0 * d8[0] >> 8);
        acc = acc + u;
        m[0] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[1] >> 8);
        u += (a.L1 * b8[0] >> 8);
        u += (c.L0 * d8[1] >> 8);
        u += (c.L1 * d8[0] >> 8);
        v = MulHigh(a.L0, b8[0]);
        v += MulHigh(c.L0, d8[0]);
        w = (m[0] * Qs1 >> 8);
        w += MulHigh(m[0], Qs0);
        acc = acc + u + v + w;
        m[1] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[2] >> 8);
        u += (a.L1 * b8[1] >> 8);
        u += (a.L2 * b8[0] >> 8);
        u += (c.L0 * d8[2] >> 8);
        u += (c.L1 * d8[1] >> 8);
        u += (c.L2 * d8[0] >> 8);
        v = MulHigh(a.L0, b8[1]);
        v += MulHigh(a.L1, b8[0]);
        v += MulHigh(c.L0, d8[1]);
        v += MulHigh(c.L1, d8[0]);
        w = (m[0] * Qs2 >> 8);
        w += (m[1] * Qs1 >> 8);
        w += MulHigh(m[0], Qs1);
        w += MulHigh(m[1], Qs0);
        acc = acc + u + v + w;
        m[2] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[3] >> 8);
        u += (a.L1 * b8[2] >> 8);
        u += (a.L2 * b8[1] >> 8);
        u += (a.L3 * b8[0] >> 8);
        u += (c.L0 * d8[3] >> 8);
        u += (c.L1 * d8[2] >> 8);
        u += (c.L2 * d8[1] >> 8);
        u += (c.L3 * d8[0] >> 8);
        v = MulHigh(a.L0, b8[2]);
        v += MulHigh(a.L1, b8[1]);
        v += MulHigh(a.L2, b8[0]);
        v += MulHigh(c.L0, d8[2]);
        v += MulHigh(c.L1, d8[1]);
        v += MulHigh(c.L2, d8[0]);
        w = (m[0] * Qs3 >> 8);
        w += (m[1] * Qs2 >> 8);
        w += (m[2] * Qs1 >> 8);
        w += MulHigh(m[0], Qs2);
        w += MulHigh(m[1], Qs1);
        w += MulHigh(m[2], Qs0);
        acc = acc + u + v + w;
        m[3] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[4] >> 8);
        u += (a.L1 * b8[3] >> 8);
        u += (a.L2 * b8[2] >> 8);
        u += (a.L3 * b8[1] >> 8);
        u += (a.L4 * b8[0] >> 8);
        u += (c.L0 * d8[4] >> 8);
        u += (c.L1 * d8[3] >> 8);
        u += (c.L2 * d8[2] >> 8);
        u += (c.L3 * d8[1] >> 8);
        u += (c.L4 * d8[0] >> 8);
        v = MulHigh(a.L0, b8[3]);
        v += MulHigh(a.L1, b8[2]);
        v += MulHigh(a.L2, b8[1]);
        v += MulHigh(a.L3, b8[0]);
        v += MulHigh(c.L0, d8[3]);
        v += MulHigh(c.L1, d8[2]);
        v += MulHigh(c.L2, d8[1]);
        v += MulHigh(c.L3, d8[0]);
        w = (m[0] * Qs4 >> 8);
        w += (m[1] * Qs3 >> 8);
        w += (m[2] * Qs2 >> 8);
        w += (m[3] * Qs1 >> 8);
        w += MulHigh(m[0], Qs3);
        w += MulHigh(m[1], Qs2);
        w += MulHigh(m[2], Qs1);
        w += MulHigh(m[3], Qs0);
        acc = acc + u + v + w;
        m[4] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[5] >> 8);
        u += (a.L1 * b8[4] >> 8);
        u += (a.L2 * b8[3] >> 8);
        u += (a.L3 * b8[2] >> 8);
        u += (a.L4 * b8[1] >> 8);
        u += (a.L5 * b8[0] >> 8);
        u += (c.L0 * d8[5] >> 8);
        u += (c.L1 * d8[4] >> 8);
        u += (c.L2 * d8[3] >> 8);
        u += (c.L3 * d8[2] >> 8);
        u += (c.L4 * d8[1] >> 8);
        u += (c.L5 * d8[0] >> 8);
        v = MulHigh(a.L0, b8[4]);
        v += MulHigh(a.L1, b8[3]);
        v += MulHigh(a.L2, b8[2]);
        v += MulHigh(a.L3, b8[1]);
        v += MulHigh(a.L4, b8[0]);
        v += MulHigh(c.L0, d8[4]);
        v += MulHigh(c.L1, d8[3]);
        v += MulHigh(c.L2, d8[2]);
        v += MulHigh(c.L3, d8[1]);
        v += MulHigh(c.L4, d8[0]);
        w = (m[0] * Qs5 >> 8);
        w += (m[1] * Qs4 >> 8);
        w += (m[2] * Qs3 >> 8);
        w += (m[3] * Qs2 >> 8);
        w += (m[4] * Qs1 >> 8);
        w += MulHigh(m[0], Qs4);
        w += MulHigh(m[1], Qs3);
        w += MulHigh(m[2], Qs2);
        w += MulHigh(m[3], Qs1);
        w += MulHigh(m[4], Qs0);
        acc = acc + u + v + w;
        m[5] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L0 * b8[6] >> 8);
        u += (a.L1 * b8[5] >> 8);
        u += (a.L2 * b8[4] >> 8);
        u += (a.L3 * b8[3] >> 8);
        u += (a.L4 * b8[2] >> 8);
        u += (a.L5 * b8[1] >> 8);
        u += (a.L6 * b8[0] >> 8);
        u += (c.L0 * d8[6] >> 8);
        u += (c.L1 * d8[5] >> 8);
        u += (c.L2 * d8[4] >> 8);
        u += (c.L3 * d8[3] >> 8);
        u += (c.L4 * d8[2] >> 8);
        u += (c.L5 * d8[1] >> 8);
        u += (c.L6 * d8[0] >> 8);
        v = MulHigh(a.L0, b8[5]);
        v += MulHigh(a.L1, b8[4]);
        v += MulHigh(a.L2, b8[3]);
        v += MulHigh(a.L3, b8[2]);
        v += MulHigh(a.L4, b8[1]);
        v += MulHigh(a.L5, b8[0]);
        v += MulHigh(c.L0, d8[5]);
        v += MulHigh(c.L1, d8[4]);
        v += MulHigh(c.L2, d8[3]);
        v += MulHigh(c.L3, d8[2]);
        v += MulHigh(c.L4, d8[1]);
        v += MulHigh(c.L5, d8[0]);
        w = (m[0] * Qs6 >> 8);
        w += (m[1] * Qs5 >> 8);
        w += (m[2] * Qs4 >> 8);
        w += (m[3] * Qs3 >> 8);
        w += (m[4] * Qs2 >> 8);
        w += (m[5] * Qs1 >> 8);
        w += MulHigh(m[0], Qs5);
        w += MulHigh(m[1], Qs4);
        w += MulHigh(m[2], Qs3);
        w += MulHigh(m[3], Qs2);
        w += MulHigh(m[4], Qs1);
        w += MulHigh(m[5], Qs0);
        acc = acc + u + v + w;
        m[6] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        u = (a.L1 * b8[6] >> 8);
        u += (a.L2 * b8[5] >> 8);
        u += (a.L3 * b8[4] >> 8);
        u += (a.L4 * b8[3] >> 8);
        u += (a.L5 * b8[2] >> 8);
        u += (a.L6 * b8[1] >> 8);
        u += (c.L1 * d8[6] >> 8);
        u += (c.L2 * d8[5] >> 8);
        u += (c.L3 * d8[4] >> 8);
        u += (c.L4 * d8[3] >> 8);
        u += (c.L5 * d8[2] >> 8);
        u += (c.L6 * d8[1] >> 8);
        v = MulHigh(a.L0, b8[6]);
        v += MulHigh(a.L1, b8[5]);
        v += MulHigh(a.L2, b8[4]);
        v += MulHigh(a.L3, b8[3]);
        v += MulHigh(a.L4, b8[2]);
        v += MulHigh(a.L5, b8[1]);
        v += MulHigh(a.L6, b8[0]);
        v += MulHigh(c.L0, d8[6]);
        v += MulHigh(c.L1, d8[5]);
        v += MulHigh(c.L2, d8[4]);
        v += MulHigh(c.L3, d8[3]);
        v += MulHigh(c.L4, d8[2]);
        v += MulHigh(c.L5, d8[1]);
        v += MulHigh(c.L6, d8[0]);
        w = (m[1] * Qs6 >> 8);
        w += (m[2] * Qs5 >> 8);
        w += (m[3] * Qs4 >> 8);
        w += (m[4] * Qs3 >> 8);
        w += (m[5] * Qs2 >> 8);
        w += (m[6] * Qs1 >> 8);
        w += MulHigh(m[0], Qs6);
        w += MulHigh(m[1], Qs5);
        w += MulHigh(m[2], Qs4);
        w += MulHigh(m[3], Qs3);
        w += MulHigh(m[4], Qs2);
        w += MulHigh(m[5], Qs1);
        w += MulHigh(m[6], Qs0);
        acc = acc + u + v + w;
        var r0 = acc & Mask;
        acc >>= 56;
        u = (a.L2 * b8[6] >> 8);
        u += (a.L3 * b8[5] >> 8);
        u += (a.L4 * b8[4] >> 8);
        u += (a.L5 * b8[3] >> 8);
        u += (a.L6 * b8[2] >> 8);
        u += (c.L2 * d8[6] >> 8);
        u += (c.L3 * d8[5] >> 8);
        u += (c.L4 * d8[4] >> 8);
        u += (c.L5 * d8[3] >> 8);
        u += (c.L6 * d8[2] >> 8);
        v = MulHigh(a.L1, b8[6]);
        v += MulHigh(a.L2, b8[5]);
        v += MulHigh(a.L3, b8[4]);
        v += MulHigh(a.L4, b8[3]);
        v += MulHigh(a.L5, b8[2]);
        v += MulHigh(a.L6, b8[1]);
        v += MulHigh(c.L1, d8[6]);
        v += MulHigh(c.L2, d8[5]);
        v += MulHigh(c.L3, d8[4]);
        v += MulHigh(c.L4, d8[3]);
        v += MulHigh(c.L5, d8[2]);
        v += MulHigh(c.L6, d8[1]);
        w = (m[2] * Qs6 >> 8);
        w += (m[3] * Qs5 >> 8);
        w += (m[4] * Qs4 >> 8);
        w += (m[5] * Qs3 >> 8);
        w += (m[6] * Qs2 >> 8);
        w += MulHigh(m[1], Qs6);
        w += MulHigh(m[2], Qs5);
        w += MulHigh(m[3], Qs4);
        w += MulHigh(m[4], Qs3);
        w += MulHigh(m[5], Qs2);
        w += MulHigh(m[6], Qs1);
        acc = acc + u + v + w;
        var r1 = acc & Mask;
        acc >>= 56;
        u = (a.L3 * b8[6] >> 8);
        u += (a.L4 * b8[5] >> 8);
        u += (a.L5 * b8[4] >> 8);
        u += (a.L6 * b8[3] >> 8);
        u += (c.L3 * d8[6] >> 8);
        u += (c.L4 * d8[5] >> 8);
        u += (c.L5 * d8[4] >> 8);
        u += (c.L6 * d8[3] >> 8);
        v = MulHigh(a.L2, b8[6]);
        v += MulHigh(a.L3, b8[5]);
        v += MulHigh(a.L4, b8[4]);
        v += MulHigh(a.L5, b8[3]);
        v += MulHigh(a.L6, b8[2]);
        v += MulHigh(c.L2, d8[6]);
        v += MulHigh(c.L3, d8[5]);
        v += MulHigh(c.L4, d8[4]);
        v += MulHigh(c.L5, d8[3]);
        v += MulHigh(c.L6, d8[2]);
        w = (m[3] * Qs6 >> 8);
        w += (m[4] * Qs5 >> 8);
        w += (m[5] * Qs4 >> 8);
        w += (m[6] * Qs3 >> 8);
        w += MulHigh(m[2], Qs6);
        w += MulHigh(m[3], Qs5);
        w += MulHigh(m[4], Qs4);
        w += MulHigh(m[5], Qs3);
        w += MulHigh(m[6], Qs2);
        acc = acc + u + v + w;
        var r2 = acc & Mask;
        acc >>= 56;
        u = (a.L4 * b8[6] >> 8);
        u += (a.L5 * b8[5] >> 8);
        u += (a.L6 * b8[4] >> 8);
        u += (c.L4 * d8[6] >> 8);
        u += (c.L5 * d8[5] >> 8);
        u += (c.L6 * d8[4] >> 8);
        v = MulHigh(a.L3, b8[6]);
        v += MulHigh(a.L4, b8[5]);
        v += MulHigh(a.L5, b8[4]);
        v += MulHigh(a.L6, b8[3]);
        v += MulHigh(c.L3, d8[6]);
        v += MulHigh(c.L4, d8[5]);
        v += MulHigh(c.L5, d8[4]);
        v += MulHigh(c.L6, d8[3]);
        w = (m[4] * Qs6 >> 8);
        w += (m[5] * Qs5 >> 8);
        w += (m[6] * Qs4 >> 8);
        w += MulHigh(m[3], Qs6);
        w += MulHigh(m[4], Qs5);
        w += MulHigh(m[5], Qs4);
        w += MulHigh(m[6], Qs3);
        acc = acc + u + v + w;
        var r3 = acc & Mask;
        acc >>= 56;
        u = (a.L5 * b8[6] >> 8);
        u += (a.L6 * b8[5] >> 8);
        u += (c.L5 * d8[6] >> 8);
        u += (c.L6 * d8[5] >> 8);
        v = MulHigh(a.L4, b8[6]);
        v += MulHigh(a.L5, b8[5]);
        v += MulHigh(a.L6, b8[4]);
        v += MulHigh(c.L4, d8[6]);
        v += MulHigh(c.L5, d8[5]);
        v += MulHigh(c.L6, d8[4]);
        w = (m[5] * Qs6 >> 8);
        w += (m[6] * Qs5 >> 8);
        w += MulHigh(m[4], Qs6);
        w += MulHigh(m[5], Qs5);
        w += MulHigh(m[6], Qs4);
        acc = acc + u + v + w;
        var r4 = acc & Mask;
        acc >>= 56;
        u = (a.L6 * b8[6] >> 8);
        u += (c.L6 * d8[6] >> 8);
        v = MulHigh(a.L5, b8[6]);
        v += MulHigh(a.L6, b8[5]);
        v += MulHigh(c.L5, d8[6]);
        v += MulHigh(c.L6, d8[5]);
        w = (m[6] * Qs6 >> 8);
        w += MulHigh(m[5], Qs6);
        w += MulHigh(m[6], Qs5);
        acc = acc + u + v + w;
        var r5 = acc & Mask;
        acc >>= 56;
        v = MulHigh(a.L6, b8[6]);
        v += MulHigh(c.L6, d8[6]);
        w = MulHigh(m[6], Qs6);
        acc = acc + v + w;
        var r6 = acc & Mask;
        return ReduceOnce(r0, r1, r2, r3, r4, r5, r6);
    }

    /// <summary>Montgomery square.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Square(in Fp a) => FpNative.IsEnabled ? FpNative.Square(a) : SquareManaged(a);

    /// <summary>The managed <see cref="Square"/>: the 21 cross products are summed once per column and doubled.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    internal static unsafe Fp SquareManaged(in Fp a)
    {
        var m = stackalloc ulong[Limbs];
        var a8 = stackalloc ulong[Limbs];
        a8[0] = a.L0 << 8;
        a8[1] = a.L1 << 8;
        a8[2] = a.L2 << 8;
        a8[3] = a.L3 << 8;
        a8[4] = a.L4 << 8;
        a8[5] = a.L5 << 8;
        a8[6] = a.L6 << 8;
        ulong acc = 0, u, w, x;
        u = (a.L0 * a8[0] >> 8);
        acc = acc + u;
        m[0] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[1] >> 8);
        u = MulHigh(a.L0, a8[0]);
        w = (m[0] * Qs1 >> 8);
        w += MulHigh(m[0], Qs0);
        acc = acc + (x << 1) + u + w;
        m[1] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[2] >> 8);
        x += MulHigh(a.L0, a8[1]);
        u = (a.L1 * a8[1] >> 8);
        w = (m[0] * Qs2 >> 8);
        w += (m[1] * Qs1 >> 8);
        w += MulHigh(m[0], Qs1);
        w += MulHigh(m[1], Qs0);
        acc = acc + (x << 1) + u + w;
        m[2] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[3] >> 8);
        x += (a.L1 * a8[2] >> 8);
        x += MulHigh(a.L0, a8[2]);
        u = MulHigh(a.L1, a8[1]);
        w = (m[0] * Qs3 >> 8);
        w += (m[1] * Qs2 >> 8);
        w += (m[2] * Qs1 >> 8);
        w += MulHigh(m[0], Qs2);
        w += MulHigh(m[1], Qs1);
        w += MulHigh(m[2], Qs0);
        acc = acc + (x << 1) + u + w;
        m[3] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[4] >> 8);
        x += (a.L1 * a8[3] >> 8);
        x += MulHigh(a.L0, a8[3]);
        x += MulHigh(a.L1, a8[2]);
        u = (a.L2 * a8[2] >> 8);
        w = (m[0] * Qs4 >> 8);
        w += (m[1] * Qs3 >> 8);
        w += (m[2] * Qs2 >> 8);
        w += (m[3] * Qs1 >> 8);
        w += MulHigh(m[0], Qs3);
        w += MulHigh(m[1], Qs2);
        w += MulHigh(m[2], Qs1);
        w += MulHigh(m[3], Qs0);
        acc = acc + (x << 1) + u + w;
        m[4] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[5] >> 8);
        x += (a.L1 * a8[4] >> 8);
        x += (a.L2 * a8[3] >> 8);
        x += MulHigh(a.L0, a8[4]);
        x += MulHigh(a.L1, a8[3]);
        u = MulHigh(a.L2, a8[2]);
        w = (m[0] * Qs5 >> 8);
        w += (m[1] * Qs4 >> 8);
        w += (m[2] * Qs3 >> 8);
        w += (m[3] * Qs2 >> 8);
        w += (m[4] * Qs1 >> 8);
        w += MulHigh(m[0], Qs4);
        w += MulHigh(m[1], Qs3);
        w += MulHigh(m[2], Qs2);
        w += MulHigh(m[3], Qs1);
        w += MulHigh(m[4], Qs0);
        acc = acc + (x << 1) + u + w;
        m[5] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[6] >> 8);
        x += (a.L1 * a8[5] >> 8);
        x += (a.L2 * a8[4] >> 8);
        x += MulHigh(a.L0, a8[5]);
        x += MulHigh(a.L1, a8[4]);
        x += MulHigh(a.L2, a8[3]);
        u = (a.L3 * a8[3] >> 8);
        w = (m[0] * Qs6 >> 8);
        w += (m[1] * Qs5 >> 8);
        w += (m[2] * Qs4 >> 8);
        w += (m[3] * Qs3 >> 8);
        w += (m[4] * Qs2 >> 8);
        w += (m[5] * Qs1 >> 8);
        w += MulHigh(m[0], Qs5);
        w += MulHigh(m[1], Qs4);
        w += MulHigh(m[2], Qs3);
        w += MulHigh(m[3], Qs2);
        w += MulHigh(m[4], Qs1);
        w += MulHigh(m[5], Qs0);
        acc = acc + (x << 1) + u + w;
        m[6] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L1 * a8[6] >> 8);
        x += (a.L2 * a8[5] >> 8);
        x += (a.L3 * a8[4] >> 8);
        x += MulHigh(a.L0, a8[6]);
        x += MulHigh(a.L1, a8[5]);
        x += MulHigh(a.L2, a8[4]);
        u = MulHigh(a.L3, a8[3]);
        w = (m[1] * Qs6 >> 8);
        w += (m[2] * Qs5 >> 8);
        w += (m[3] * Qs4 >> 8);
        w += (m[4] * Qs3 >> 8);
        w += (m[5] * Qs2 >> 8);
        w += (m[6] * Qs1 >> 8);
        w += MulHigh(m[0], Qs6);
        w += MulHigh(m[1], Qs5);
        w += MulHigh(m[2], Qs4);
        w += MulHigh(m[3], Qs3);
        w += MulHigh(m[4], Qs2);
        w += MulHigh(m[5], Qs1);
        w += MulHigh(m[6], Qs0);
        acc = acc + (x << 1) + u + w;
        var r0 = acc & Mask;
        acc >>= 56;
        x = (a.L2 * a8[6] >> 8);
        x += (a.L3 * a8[5] >> 8);
        x += MulHigh(a.L1, a8[6]);
        x += MulHigh(a.L2, a8[5]);
        x += MulHigh(a.L3, a8[4]);
        u = (a.L4 * a8[4] >> 8);
        w = (m[2] * Qs6 >> 8);
        w += (m[3] * Qs5 >> 8);
        w += (m[4] * Qs4 >> 8);
        w += (m[5] * Qs3 >> 8);
        w += (m[6] * Qs2 >> 8);
        w += MulHigh(m[1], Qs6);
        w += MulHigh(m[2], Qs5);
        w += MulHigh(m[3], Qs4);
        w += MulHigh(m[4], Qs3);
        w += MulHigh(m[5], Qs2);
        w += MulHigh(m[6], Qs1);
        acc = acc + (x << 1) + u + w;
        var r1 = acc & Mask;
        acc >>= 56;
        x = (a.L3 * a8[6] >> 8);
        x += (a.L4 * a8[5] >> 8);
        x += MulHigh(a.L2, a8[6]);
        x += MulHigh(a.L3, a8[5]);
        u = MulHigh(a.L4, a8[4]);
        w = (m[3] * Qs6 >> 8);
        w += (m[4] * Qs5 >> 8);
        w += (m[5] * Qs4 >> 8);
        w += (m[6] * Qs3 >> 8);
        w += MulHigh(m[2], Qs6);
        w += MulHigh(m[3], Qs5);
        w += MulHigh(m[4], Qs4);
        w += MulHigh(m[5], Qs3);
        w += MulHigh(m[6], Qs2);
        acc = acc + (x << 1) + u + w;
        var r2 = acc & Mask;
        acc >>= 56;
        x = (a.L4 * a8[6] >> 8);
        x += MulHigh(a.L3, a8[6]);
        x += MulHigh(a.L4, a8[5]);
        u = (a.L5 * a8[5] >> 8);
        w = (m[4] * Qs6 >> 8);
        w += (m[5] * Qs5 >> 8);
        w += (m[6] * Qs4 >> 8);
        w += MulHigh(m[3], Qs6);
        w += MulHigh(m[4], Qs5);
        w += MulHigh(m[5], Qs4);
        w += MulHigh(m[6], Qs3);
        acc = acc + (x << 1) + u + w;
        var r3 = acc & Mask;
        acc >>= 56;
        x = (a.L5 * a8[6] >> 8);
        x += MulHigh(a.L4, a8[6]);
        u = MulHigh(a.L5, a8[5]);
        w = (m[5] * Qs6 >> 8);
        w += (m[6] * Qs5 >> 8);
        w += MulHigh(m[4], Qs6);
        w += MulHigh(m[5], Qs5);
        w += MulHigh(m[6], Qs4);
        acc = acc + (x << 1) + u + w;
        var r4 = acc & Mask;
        acc >>= 56;
        x = MulHigh(a.L5, a8[6]);
        u = (a.L6 * a8[6] >> 8);
        w = (m[6] * Qs6 >> 8);
        w += MulHigh(m[5], Qs6);
        w += MulHigh(m[6], Qs5);
        acc = acc + (x << 1) + u + w;
        var r5 = acc & Mask;
        acc >>= 56;
        u = MulHigh(a.L6, a8[6]);
        w = MulHigh(m[6], Qs6);
        acc = acc + u + w;
        var r6 = acc & Mask;
        return ReduceOnce(r0, r1, r2, r3, r4, r5, r6);
    }

    /// <summary>
    /// Montgomery reduction of an unreduced sum of products t: t·2^-392 mod p, canonical. 512·p^2 is
    /// added first so that differences of products (down to -512·p^2) reduce correctly; t must stay
    /// below 2000·p^2 for the result to fall below 2p before the final subtraction.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    public static unsafe Fp Reduce(in FpWide wide)
    {
        var m = stackalloc ulong[Limbs];
        var t = stackalloc ulong[16];
        wide.Low.Store(t);
        wide.High.Store(t + 8);
        long acc = 0;
        ulong w;
        acc += (long)(t[0] + Offset0);
        m[0] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[0] * Qs1 >> 8);
        w += MulHigh(m[0], Qs0);
        acc += (long)(t[1] + Offset1 + w);
        m[1] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[0] * Qs2 >> 8);
        w += (m[1] * Qs1 >> 8);
        w += MulHigh(m[0], Qs1);
        w += MulHigh(m[1], Qs0);
        acc += (long)(t[2] + Offset2 + w);
        m[2] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[0] * Qs3 >> 8);
        w += (m[1] * Qs2 >> 8);
        w += (m[2] * Qs1 >> 8);
        w += MulHigh(m[0], Qs2);
        w += MulHigh(m[1], Qs1);
        w += MulHigh(m[2], Qs0);
        acc += (long)(t[3] + Offset3 + w);
        m[3] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[0] * Qs4 >> 8);
        w += (m[1] * Qs3 >> 8);
        w += (m[2] * Qs2 >> 8);
        w += (m[3] * Qs1 >> 8);
        w += MulHigh(m[0], Qs3);
        w += MulHigh(m[1], Qs2);
        w += MulHigh(m[2], Qs1);
        w += MulHigh(m[3], Qs0);
        acc += (long)(t[4] + Offset4 + w);
        m[4] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[0] * Qs5 >> 8);
        w += (m[1] * Qs4 >> 8);
        w += (m[2] * Qs3 >> 8);
        w += (m[3] * Qs2 >> 8);
        w += (m[4] * Qs1 >> 8);
        w += MulHigh(m[0], Qs4);
        w += MulHigh(m[1], Qs3);
        w += MulHigh(m[2], Qs2);
        w += MulHigh(m[3], Qs1);
        w += MulHigh(m[4], Qs0);
        acc += (long)(t[5] + Offset5 + w);
        m[5] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[0] * Qs6 >> 8);
        w += (m[1] * Qs5 >> 8);
        w += (m[2] * Qs4 >> 8);
        w += (m[3] * Qs3 >> 8);
        w += (m[4] * Qs2 >> 8);
        w += (m[5] * Qs1 >> 8);
        w += MulHigh(m[0], Qs5);
        w += MulHigh(m[1], Qs4);
        w += MulHigh(m[2], Qs3);
        w += MulHigh(m[3], Qs2);
        w += MulHigh(m[4], Qs1);
        w += MulHigh(m[5], Qs0);
        acc += (long)(t[6] + Offset6 + w);
        m[6] = (ulong)acc * QInvShifted >> 8;
        acc = (acc + (long)Mask) >> 56;
        w = (m[1] * Qs6 >> 8);
        w += (m[2] * Qs5 >> 8);
        w += (m[3] * Qs4 >> 8);
        w += (m[4] * Qs3 >> 8);
        w += (m[5] * Qs2 >> 8);
        w += (m[6] * Qs1 >> 8);
        w += MulHigh(m[0], Qs6);
        w += MulHigh(m[1], Qs5);
        w += MulHigh(m[2], Qs4);
        w += MulHigh(m[3], Qs3);
        w += MulHigh(m[4], Qs2);
        w += MulHigh(m[5], Qs1);
        w += MulHigh(m[6], Qs0);
        acc += (long)(t[7] + Offset7 + w);
        var r0 = (ulong)acc & Mask;
        acc >>= 56;
        w = (m[2] * Qs6 >> 8);
        w += (m[3] * Qs5 >> 8);
        w += (m[4] * Qs4 >> 8);
        w += (m[5] * Qs3 >> 8);
        w += (m[6] * Qs2 >> 8);
        w += MulHigh(m[1], Qs6);
        w += MulHigh(m[2], Qs5);
        w += MulHigh(m[3], Qs4);
        w += MulHigh(m[4], Qs3);
        w += MulHigh(m[5], Qs2);
        w += MulHigh(m[6], Qs1);
        acc += (long)(t[8] + Offset8 + w);
        var r1 = (ulong)acc & Mask;
        acc >>= 56;
        w = (m[3] * Qs6 >> 8);
        w += (m[4] * Qs5 >> 8);
        w += (m[5] * Qs4 >> 8);
        w += (m[6] * Qs3 >> 8);
        w += MulHigh(m[2], Qs6);
        w += MulHigh(m[3], Qs5);
        w += MulHigh(m[4], Qs4);
        w += MulHigh(m[5], Qs3);
        w += MulHigh(m[6], Qs2);
        acc += (long)(t[9] + Offset9 + w);
        var r2 = (ulong)acc & Mask;
        acc >>= 56;
        w = (m[4] * Qs6 >> 8);
        w += (m[5] * Qs5 >> 8);
        w += (m[6] * Qs4 >> 8);
        w += MulHigh(m[3], Qs6);
        w += MulHigh(m[4], Qs5);
        w += MulHigh(m[5], Qs4);
        w += MulHigh(m[6], Qs3);
        acc += (long)(t[10] + Offset10 + w);
        var r3 = (ulong)acc & Mask;
        acc >>= 56;
        w = (m[5] * Qs6 >> 8);
        w += (m[6] * Qs5 >> 8);
        w += MulHigh(m[4], Qs6);
        w += MulHigh(m[5], Qs5);
        w += MulHigh(m[6], Qs4);
        acc += (long)(t[11] + Offset11 + w);
        var r4 = (ulong)acc & Mask;
        acc >>= 56;
        w = (m[6] * Qs6 >> 8);
        w += MulHigh(m[5], Qs6);
        w += MulHigh(m[6], Qs5);
        acc += (long)(t[12] + Offset12 + w);
        var r5 = (ulong)acc & Mask;
        acc >>= 56;
        w = MulHigh(m[6], Qs6);
        acc += (long)(t[13] + Offset13 + w);
        var r6 = (ulong)acc & Mask;
        return ReduceOnce(r0, r1, r2, r3, r4, r5, r6);
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

    /// <summary>
    /// The Montgomery square without the final subtraction: a value below 2p (limbs carried), for
    /// chains of squarings (exponentiation), whose products accept such operands.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp SquareUnreduced(in Fp a) => FpNative.IsEnabled ? FpNative.Square(a) : SquareUnreducedManaged(a);

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private static unsafe Fp SquareUnreducedManaged(in Fp a)
    {
        var m = stackalloc ulong[Limbs];
        var a8 = stackalloc ulong[Limbs];
        a8[0] = a.L0 << 8;
        a8[1] = a.L1 << 8;
        a8[2] = a.L2 << 8;
        a8[3] = a.L3 << 8;
        a8[4] = a.L4 << 8;
        a8[5] = a.L5 << 8;
        a8[6] = a.L6 << 8;
        ulong acc = 0, u, w, x;
        u = (a.L0 * a8[0] >> 8);
        acc = acc + u;
        m[0] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[1] >> 8);
        u = MulHigh(a.L0, a8[0]);
        w = (m[0] * Qs1 >> 8);
        w += MulHigh(m[0], Qs0);
        acc = acc + (x << 1) + u + w;
        m[1] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[2] >> 8);
        x += MulHigh(a.L0, a8[1]);
        u = (a.L1 * a8[1] >> 8);
        w = (m[0] * Qs2 >> 8);
        w += (m[1] * Qs1 >> 8);
        w += MulHigh(m[0], Qs1);
        w += MulHigh(m[1], Qs0);
        acc = acc + (x << 1) + u + w;
        m[2] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[3] >> 8);
        x += (a.L1 * a8[2] >> 8);
        x += MulHigh(a.L0, a8[2]);
        u = MulHigh(a.L1, a8[1]);
        w = (m[0] * Qs3 >> 8);
        w += (m[1] * Qs2 >> 8);
        w += (m[2] * Qs1 >> 8);
        w += MulHigh(m[0], Qs2);
        w += MulHigh(m[1], Qs1);
        w += MulHigh(m[2], Qs0);
        acc = acc + (x << 1) + u + w;
        m[3] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[4] >> 8);
        x += (a.L1 * a8[3] >> 8);
        x += MulHigh(a.L0, a8[3]);
        x += MulHigh(a.L1, a8[2]);
        u = (a.L2 * a8[2] >> 8);
        w = (m[0] * Qs4 >> 8);
        w += (m[1] * Qs3 >> 8);
        w += (m[2] * Qs2 >> 8);
        w += (m[3] * Qs1 >> 8);
        w += MulHigh(m[0], Qs3);
        w += MulHigh(m[1], Qs2);
        w += MulHigh(m[2], Qs1);
        w += MulHigh(m[3], Qs0);
        acc = acc + (x << 1) + u + w;
        m[4] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[5] >> 8);
        x += (a.L1 * a8[4] >> 8);
        x += (a.L2 * a8[3] >> 8);
        x += MulHigh(a.L0, a8[4]);
        x += MulHigh(a.L1, a8[3]);
        u = MulHigh(a.L2, a8[2]);
        w = (m[0] * Qs5 >> 8);
        w += (m[1] * Qs4 >> 8);
        w += (m[2] * Qs3 >> 8);
        w += (m[3] * Qs2 >> 8);
        w += (m[4] * Qs1 >> 8);
        w += MulHigh(m[0], Qs4);
        w += MulHigh(m[1], Qs3);
        w += MulHigh(m[2], Qs2);
        w += MulHigh(m[3], Qs1);
        w += MulHigh(m[4], Qs0);
        acc = acc + (x << 1) + u + w;
        m[5] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L0 * a8[6] >> 8);
        x += (a.L1 * a8[5] >> 8);
        x += (a.L2 * a8[4] >> 8);
        x += MulHigh(a.L0, a8[5]);
        x += MulHigh(a.L1, a8[4]);
        x += MulHigh(a.L2, a8[3]);
        u = (a.L3 * a8[3] >> 8);
        w = (m[0] * Qs6 >> 8);
        w += (m[1] * Qs5 >> 8);
        w += (m[2] * Qs4 >> 8);
        w += (m[3] * Qs3 >> 8);
        w += (m[4] * Qs2 >> 8);
        w += (m[5] * Qs1 >> 8);
        w += MulHigh(m[0], Qs5);
        w += MulHigh(m[1], Qs4);
        w += MulHigh(m[2], Qs3);
        w += MulHigh(m[3], Qs2);
        w += MulHigh(m[4], Qs1);
        w += MulHigh(m[5], Qs0);
        acc = acc + (x << 1) + u + w;
        m[6] = acc * QInvShifted >> 8;
        acc = (acc + Mask) >> 56;
        x = (a.L1 * a8[6] >> 8);
        x += (a.L2 * a8[5] >> 8);
        x += (a.L3 * a8[4] >> 8);
        x += MulHigh(a.L0, a8[6]);
        x += MulHigh(a.L1, a8[5]);
        x += MulHigh(a.L2, a8[4]);
        u = MulHigh(a.L3, a8[3]);
        w = (m[1] * Qs6 >> 8);
        w += (m[2] * Qs5 >> 8);
        w += (m[3] * Qs4 >> 8);
        w += (m[4] * Qs3 >> 8);
        w += (m[5] * Qs2 >> 8);
        w += (m[6] * Qs1 >> 8);
        w += MulHigh(m[0], Qs6);
        w += MulHigh(m[1], Qs5);
        w += MulHigh(m[2], Qs4);
        w += MulHigh(m[3], Qs3);
        w += MulHigh(m[4], Qs2);
        w += MulHigh(m[5], Qs1);
        w += MulHigh(m[6], Qs0);
        acc = acc + (x << 1) + u + w;
        var r0 = acc & Mask;
        acc >>= 56;
        x = (a.L2 * a8[6] >> 8);
        x += (a.L3 * a8[5] >> 8);
        x += MulHigh(a.L1, a8[6]);
        x += MulHigh(a.L2, a8[5]);
        x += MulHigh(a.L3, a8[4]);
        u = (a.L4 * a8[4] >> 8);
        w = (m[2] * Qs6 >> 8);
        w += (m[3] * Qs5 >> 8);
        w += (m[4] * Qs4 >> 8);
        w += (m[5] * Qs3 >> 8);
        w += (m[6] * Qs2 >> 8);
        w += MulHigh(m[1], Qs6);
        w += MulHigh(m[2], Qs5);
        w += MulHigh(m[3], Qs4);
        w += MulHigh(m[4], Qs3);
        w += MulHigh(m[5], Qs2);
        w += MulHigh(m[6], Qs1);
        acc = acc + (x << 1) + u + w;
        var r1 = acc & Mask;
        acc >>= 56;
        x = (a.L3 * a8[6] >> 8);
        x += (a.L4 * a8[5] >> 8);
        x += MulHigh(a.L2, a8[6]);
        x += MulHigh(a.L3, a8[5]);
        u = MulHigh(a.L4, a8[4]);
        w = (m[3] * Qs6 >> 8);
        w += (m[4] * Qs5 >> 8);
        w += (m[5] * Qs4 >> 8);
        w += (m[6] * Qs3 >> 8);
        w += MulHigh(m[2], Qs6);
        w += MulHigh(m[3], Qs5);
        w += MulHigh(m[4], Qs4);
        w += MulHigh(m[5], Qs3);
        w += MulHigh(m[6], Qs2);
        acc = acc + (x << 1) + u + w;
        var r2 = acc & Mask;
        acc >>= 56;
        x = (a.L4 * a8[6] >> 8);
        x += MulHigh(a.L3, a8[6]);
        x += MulHigh(a.L4, a8[5]);
        u = (a.L5 * a8[5] >> 8);
        w = (m[4] * Qs6 >> 8);
        w += (m[5] * Qs5 >> 8);
        w += (m[6] * Qs4 >> 8);
        w += MulHigh(m[3], Qs6);
        w += MulHigh(m[4], Qs5);
        w += MulHigh(m[5], Qs4);
        w += MulHigh(m[6], Qs3);
        acc = acc + (x << 1) + u + w;
        var r3 = acc & Mask;
        acc >>= 56;
        x = (a.L5 * a8[6] >> 8);
        x += MulHigh(a.L4, a8[6]);
        u = MulHigh(a.L5, a8[5]);
        w = (m[5] * Qs6 >> 8);
        w += (m[6] * Qs5 >> 8);
        w += MulHigh(m[4], Qs6);
        w += MulHigh(m[5], Qs5);
        w += MulHigh(m[6], Qs4);
        acc = acc + (x << 1) + u + w;
        var r4 = acc & Mask;
        acc >>= 56;
        x = MulHigh(a.L5, a8[6]);
        u = (a.L6 * a8[6] >> 8);
        w = (m[6] * Qs6 >> 8);
        w += MulHigh(m[5], Qs6);
        w += MulHigh(m[6], Qs5);
        acc = acc + (x << 1) + u + w;
        var r5 = acc & Mask;
        acc >>= 56;
        u = MulHigh(a.L6, a8[6]);
        w = MulHigh(m[6], Qs6);
        acc = acc + u + w;
        var r6 = acc & Mask;
        return new Fp(r0, r1, r2, r3, r4, r5, r6);
    }

    public static Fp operator +(in Fp a, in Fp b) => Add(a, b);

    public static Fp operator -(in Fp a, in Fp b) => Sub(a, b);

    public static Fp operator -(in Fp a) => Neg(a);

    public static Fp operator *(in Fp a, in Fp b) => Mul(a, b);

    public static bool operator ==(in Fp a, in Fp b) => a.Equals(b);

    public static bool operator !=(in Fp a, in Fp b) => !a.Equals(b);

    /// <summary>
    /// a^e for a public exponent given as little-endian limbs: left-to-right sliding windows of up to
    /// five bits over the odd powers a, a^3, ..., a^31. The exponent is public, so its bit pattern
    /// may steer the control flow; the base stays secret-safe. Squarings skip their final
    /// subtraction (values below 2p in between); one subtraction ends the chain.
    /// </summary>
    public static Fp Pow(in Fp a, ReadOnlySpan<ulong> exponent)
    {
        Span<Fp> odd = stackalloc Fp[16];
        odd[0] = a;
        var a2 = Square(a);
        for (var i = 1; i < 16; i++)
        {
            odd[i] = Mul(odd[i - 1], a2);
        }

        var result = One;
        var started = false;
        var bit = (exponent.Length * 64) - 1;
        while (bit >= 0)
        {
            if (!Bit(exponent, bit))
            {
                if (started)
                {
                    result = SquareUnreduced(result);
                }

                bit--;
                continue;
            }

            // The window runs from this set bit down to the lowest set bit within five bits.
            var low = Math.Max(bit - 4, 0);
            while (!Bit(exponent, low))
            {
                low++;
            }

            var value = 0;
            for (var k = bit; k >= low; k--)
            {
                value = (value << 1) | (Bit(exponent, k) ? 1 : 0);
                if (started)
                {
                    result = SquareUnreduced(result);
                }
            }

            result = started ? Mul(result, odd[value >> 1]) : odd[value >> 1];
            started = true;
            bit = low - 1;
        }

        return ReduceOnce(result.L0, result.L1, result.L2, result.L3, result.L4, result.L5, result.L6);
    }

    private static bool Bit(ReadOnlySpan<ulong> limbs, int index) => ((limbs[index >> 6] >> (index & 63)) & 1) != 0;

    /// <summary>1/a by Fermat (a^(p-2)); the exponent is public so the run time does not depend on a. Zero maps to zero.</summary>
    public static Fp Inverse(in Fp a) => Pow(a, InverseExponent);

    /// <summary>1/a in variable time (binary extended Euclid): for public values only.</summary>
    public static Fp InverseVartime(in Fp a) => FpInversion.InverseVartime(a);

    /// <summary>True iff a is a square in GF(p) (zero counts as a square).</summary>
    public static bool IsSquare(in Fp a)
    {
        var legendre = Pow(a, LegendreExponent);
        return legendre.IsZero || legendre.IsOne;
    }

    /// <summary>A square root of a, or false when a is not a square.</summary>
    public static bool TrySqrt(in Fp a, out Fp root)
    {
        root = Pow(a, SqrtExponent);
        return Square(root).Equals(a);
    }

    /// <summary>a^((p+1)/4): a square root of a when a is a square (callers check).</summary>
    public static Fp PowSqrtCandidate(in Fp a) => Pow(a, SqrtExponent);

    /// <summary>t^((p-3)/4): for a square t this is 1/sqrt(t), so one exponentiation yields a root and its inverse.</summary>
    public static Fp PowInverseSqrt(in Fp t) => Pow(t, InverseSqrtExponent);

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

    /// <summary>Constant-time choice: b where mask is all ones, a where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Select(in Fp a, in Fp b, ulong mask) => new(
        a.L0 ^ ((a.L0 ^ b.L0) & mask),
        a.L1 ^ ((a.L1 ^ b.L1) & mask),
        a.L2 ^ ((a.L2 ^ b.L2) & mask),
        a.L3 ^ ((a.L3 ^ b.L3) & mask),
        a.L4 ^ ((a.L4 ^ b.L4) & mask),
        a.L5 ^ ((a.L5 ^ b.L5) & mask),
        a.L6 ^ ((a.L6 ^ b.L6) & mask));

    /// <summary>Enters Montgomery form from a canonical value below p given as 64-bit limbs.</summary>
    public static Fp FromCanonical(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) => Mul(FromLimbs64(l0, l1, l2, l3, l4, l5), R2);

    public static Fp FromUInt64(ulong value) => FromCanonical(value, 0, 0, 0, 0, 0);

    /// <summary>Regroups a value below p given as six 64-bit limbs into seven 56-bit limbs (no change of form).</summary>
    internal static Fp FromLimbs64(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) => new(
        l0 & Mask,
        ((l0 >> 56) | (l1 << 8)) & Mask,
        ((l1 >> 48) | (l2 << 16)) & Mask,
        ((l2 >> 40) | (l3 << 24)) & Mask,
        ((l3 >> 32) | (l4 << 32)) & Mask,
        ((l4 >> 24) | (l5 << 40)) & Mask,
        l5 >> 16);

    /// <summary>The stored (Montgomery-form) value as six 64-bit limbs, low first.</summary>
    internal void ToLimbs64(Span<ulong> limbs)
    {
        limbs[0] = L0 | (L1 << 56);
        limbs[1] = (L1 >> 8) | (L2 << 48);
        limbs[2] = (L2 >> 16) | (L3 << 40);
        limbs[3] = (L3 >> 24) | (L4 << 32);
        limbs[4] = (L4 >> 32) | (L5 << 24);
        limbs[5] = (L5 >> 40) | (L6 << 16);
    }

    /// <summary>Parses a 48-byte big-endian value; false when it is not below p (non-canonical).</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Fp value)
    {
        var l5 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var l4 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        var l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        var l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]);
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]);
        ulong borrow = 0;
        SubB(l0, P64L0, ref borrow);
        SubB(l1, P64L1, ref borrow);
        SubB(l2, P64L2, ref borrow);
        SubB(l3, P64L3, ref borrow);
        SubB(l4, P64L4, ref borrow);
        SubB(l5, P64L5, ref borrow);
        if (borrow == 0)
        {
            value = default;
            return false;
        }

        value = FromCanonical(l0, l1, l2, l3, l4, l5);
        return true;
    }

    /// <summary>Reduces a 64-byte big-endian value modulo p (hash_to_field's OS2IP then mod p).</summary>
    public static Fp FromWideBytes(ReadOnlySpan<byte> bytes)
    {
        // value = high·2^256 + low with both halves below 2^256 < p.
        var high = FromCanonical(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            0,
            0);
        var low = FromCanonical(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[56..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[48..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]),
            0,
            0);
        return Add(Mul(high, TwoTo256), low);
    }

    // 2^256 mod p in Montgomery form.
    private static readonly Fp TwoTo256 = FromCanonical(0, 0, 0, 0, 1, 0);

    /// <summary>Writes the canonical 48-byte big-endian encoding.</summary>
    public void WriteBytes(Span<byte> destination)
    {
        Span<ulong> c = stackalloc ulong[6];
        Mul(this, RawOne).ToLimbs64(c);
        BinaryPrimitives.WriteUInt64BigEndian(destination, c[5]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], c[4]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c[3]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], c[2]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[32..], c[1]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[40..], c[0]);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBytes(bytes);
        return bytes;
    }

    /// <summary>RFC 9380 sgn0: the parity of the canonical value.</summary>
    public bool Sgn0 => (Mul(this, RawOne).L0 & 1) != 0;

    /// <summary>True iff the canonical value exceeds (p-1)/2 (the ZCash "largest y" flag).</summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            Span<ulong> c = stackalloc ulong[6];
            Mul(this, RawOne).ToLimbs64(c);
            ulong borrow = 0;
            SubB(LegendreExponent[0], c[0], ref borrow);
            SubB(LegendreExponent[1], c[1], ref borrow);
            SubB(LegendreExponent[2], c[2], ref borrow);
            SubB(LegendreExponent[3], c[3], ref borrow);
            SubB(LegendreExponent[4], c[4], ref borrow);
            SubB(LegendreExponent[5], c[5], ref borrow);
            return borrow != 0;
        }
    }

    public bool Equals(Fp other) => ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5) | (L6 ^ other.L6)) == 0;

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5, L6);

    public override string ToString() => Convert.ToHexString(ToBytes());

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

    /// <summary>The high word of a 64x64 product (mulx where available).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubB(ulong a, ulong b, ref ulong borrow)
    {
        var diff = a - b;
        var borrowOut = a < b ? 1UL : 0UL;
        var result = diff - borrow;
        borrow = borrowOut | (diff < borrow ? 1UL : 0UL);
        return result;
    }
}
