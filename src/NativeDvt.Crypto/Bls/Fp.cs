using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// An element of the BLS12-381 base field GF(p), held in Montgomery form (a·2^384 mod p) as six
/// little-endian 64-bit limbs. Arithmetic is branch-free on the values (the final reductions use
/// masks), so it is safe for secret data.
/// </summary>
internal readonly struct Fp : IEquatable<Fp>, IFieldElement<Fp>
{
    /// <summary>Size of a canonical big-endian encoding.</summary>
    public const int ByteLength = 48;

    // p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab, limbs low to high.
    private const ulong P0 = 0xB9FEFFFFFFFFAAAB;
    private const ulong P1 = 0x1EABFFFEB153FFFF;
    private const ulong P2 = 0x6730D2A0F6B0F624;
    private const ulong P3 = 0x64774B84F38512BF;
    private const ulong P4 = 0x4B1BA7B6434BACD7;
    private const ulong P5 = 0x1A0111EA397FE69A;

    // -p^-1 mod 2^64, the Montgomery reduction factor.
    private const ulong PInv = 0x89F3FFFCFFFCFFFD;

    internal readonly ulong L0, L1, L2, L3, L4, L5;

    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
    }

    public static Fp Zero => default;

    // R = 2^384 mod p: the Montgomery form of 1.
    public static Fp One => new(0x760900000002FFFD, 0xEBF4000BC40C0002, 0x5F48985753C758BA, 0x77CE585370525745, 0x5C071A97A256EC6D, 0x15F65EC3FA80E493);

    // R^2 mod p: multiplying a canonical value by it enters Montgomery form.
    private static Fp R2 => new(0xF4DF1F341C341746, 0x0A76E6A609D104F1, 0x8DE5476C4C95B6D5, 0x67EB88A9939D83C0, 0x9A793E85B519952D, 0x11988FE592CAE3AA);

    // (p+1)/4: since p = 3 mod 4, a^((p+1)/4) is a square root of a square a.
    private static readonly ulong[] SqrtExponent = [0xEE7FBFFFFFFFEAAB, 0x07AAFFFFAC54FFFF, 0xD9CC34A83DAC3D89, 0xD91DD2E13CE144AF, 0x92C6E9ED90D2EB35, 0x0680447A8E5FF9A6];

    // (p-3)/4: for a square t, t^((p-3)/4) is 1/sqrt(t) and t·t^((p-3)/4) is sqrt(t).
    private static readonly ulong[] InverseSqrtExponent = [0xEE7FBFFFFFFFEAAA, 0x07AAFFFFAC54FFFF, 0xD9CC34A83DAC3D89, 0xD91DD2E13CE144AF, 0x92C6E9ED90D2EB35, 0x0680447A8E5FF9A6];

    // (p-1)/2: Euler's criterion exponent (Legendre symbol).
    private static readonly ulong[] LegendreExponent = [0xDCFF7FFFFFFFD555, 0x0F55FFFF58A9FFFF, 0xB39869507B587B12, 0xB23BA5C279C2895F, 0x258DD3DB21A5D66B, 0x0D0088F51CBFF34D];

    // p-2: Fermat inversion exponent.
    private static readonly ulong[] InverseExponent = [0xB9FEFFFFFFFFAAA9, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A];

    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    public bool IsOne => Equals(One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Add(in Fp a, in Fp b)
    {
        ulong c = 0;
        var r0 = AddC(a.L0, b.L0, ref c);
        var r1 = AddC(a.L1, b.L1, ref c);
        var r2 = AddC(a.L2, b.L2, ref c);
        var r3 = AddC(a.L3, b.L3, ref c);
        var r4 = AddC(a.L4, b.L4, ref c);
        var r5 = AddC(a.L5, b.L5, ref c);
        return Reduce(r0, r1, r2, r3, r4, r5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Double(in Fp a) => Add(a, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Sub(in Fp a, in Fp b)
    {
        ulong borrow = 0;
        var r0 = SubB(a.L0, b.L0, ref borrow);
        var r1 = SubB(a.L1, b.L1, ref borrow);
        var r2 = SubB(a.L2, b.L2, ref borrow);
        var r3 = SubB(a.L3, b.L3, ref borrow);
        var r4 = SubB(a.L4, b.L4, ref borrow);
        var r5 = SubB(a.L5, b.L5, ref borrow);
        var mask = 0 - borrow;
        ulong c = 0;
        r0 = AddC(r0, P0 & mask, ref c);
        r1 = AddC(r1, P1 & mask, ref c);
        r2 = AddC(r2, P2 & mask, ref c);
        r3 = AddC(r3, P3 & mask, ref c);
        r4 = AddC(r4, P4 & mask, ref c);
        r5 = AddC(r5, P5 & mask, ref c);
        return new Fp(r0, r1, r2, r3, r4, r5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Neg(in Fp a)
    {
        ulong borrow = 0;
        var r0 = SubB(P0, a.L0, ref borrow);
        var r1 = SubB(P1, a.L1, ref borrow);
        var r2 = SubB(P2, a.L2, ref borrow);
        var r3 = SubB(P3, a.L3, ref borrow);
        var r4 = SubB(P4, a.L4, ref borrow);
        var r5 = SubB(P5, a.L5, ref borrow);
        var any = a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5;
        var mask = ~ConstantTime.IsZeroMask(any);
        return new Fp(r0 & mask, r1 & mask, r2 & mask, r3 & mask, r4 & mask, r5 & mask);
    }

    /// <summary>Montgomery product a·b·2^-384 (CIOS, with the spare top bit of p letting carries stay in six words).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Fp Mul(in Fp a, in Fp b)
    {
        ulong t0, t1, t2, t3, t4, t5, A, C, m, lo, hi;
        A = MulHigh(a.L0, b.L0); t0 = a.L0 * b.L0;
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L0); lo = a.L1 * b.L0; lo += A; A = hi + (lo < A ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L0); lo = a.L2 * b.L0; lo += A; A = hi + (lo < A ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L0); lo = a.L3 * b.L0; lo += A; A = hi + (lo < A ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L0); lo = a.L4 * b.L0; lo += A; A = hi + (lo < A ? 1UL : 0UL); t4 = lo;
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L0); lo = a.L5 * b.L0; lo += A; A = hi + (lo < A ? 1UL : 0UL); t5 = lo;
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A;
        hi = MulHigh(a.L0, b.L1); lo = a.L0 * b.L1; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L1); lo = a.L1 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L1); lo = a.L2 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L1); lo = a.L3 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L1); lo = a.L4 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L1); lo = a.L5 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A;
        hi = MulHigh(a.L0, b.L2); lo = a.L0 * b.L2; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L2); lo = a.L1 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L2); lo = a.L2 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L2); lo = a.L3 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L2); lo = a.L4 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L2); lo = a.L5 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A;
        hi = MulHigh(a.L0, b.L3); lo = a.L0 * b.L3; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L3); lo = a.L1 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L3); lo = a.L2 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L3); lo = a.L3 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L3); lo = a.L4 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L3); lo = a.L5 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A;
        hi = MulHigh(a.L0, b.L4); lo = a.L0 * b.L4; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L4); lo = a.L1 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L4); lo = a.L2 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L4); lo = a.L3 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L4); lo = a.L4 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L4); lo = a.L5 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A;
        hi = MulHigh(a.L0, b.L5); lo = a.L0 * b.L5; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L5); lo = a.L1 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L5); lo = a.L2 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L5); lo = a.L3 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L5); lo = a.L4 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L5); lo = a.L5 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A;
        return Reduce(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>
    /// a·b + c·d with one Montgomery reduction (CIOS with both products added per row). Inputs below
    /// p keep every row below 3p and the result below 1.25p, so one final subtraction suffices.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Fp MulSum(in Fp a, in Fp b, in Fp c, in Fp d)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, A, A2, C, m, lo, hi;
        hi = MulHigh(a.L0, b.L0); lo = a.L0 * b.L0; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L0, d.L0); lo = c.L0 * d.L0; t0 += lo; A2 = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L0); lo = a.L1 * b.L0; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L1, d.L0); lo = c.L1 * d.L0; lo += A2; hi += lo < A2 ? 1UL : 0UL; t1 += lo; A2 = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L0); lo = a.L2 * b.L0; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L2, d.L0); lo = c.L2 * d.L0; lo += A2; hi += lo < A2 ? 1UL : 0UL; t2 += lo; A2 = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L0); lo = a.L3 * b.L0; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L3, d.L0); lo = c.L3 * d.L0; lo += A2; hi += lo < A2 ? 1UL : 0UL; t3 += lo; A2 = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L0); lo = a.L4 * b.L0; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L4, d.L0); lo = c.L4 * d.L0; lo += A2; hi += lo < A2 ? 1UL : 0UL; t4 += lo; A2 = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L0); lo = a.L5 * b.L0; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L5, d.L0); lo = c.L5 * d.L0; lo += A2; hi += lo < A2 ? 1UL : 0UL; t5 += lo; A2 = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A + A2;
        hi = MulHigh(a.L0, b.L1); lo = a.L0 * b.L1; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L0, d.L1); lo = c.L0 * d.L1; t0 += lo; A2 = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L1); lo = a.L1 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L1, d.L1); lo = c.L1 * d.L1; lo += A2; hi += lo < A2 ? 1UL : 0UL; t1 += lo; A2 = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L1); lo = a.L2 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L2, d.L1); lo = c.L2 * d.L1; lo += A2; hi += lo < A2 ? 1UL : 0UL; t2 += lo; A2 = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L1); lo = a.L3 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L3, d.L1); lo = c.L3 * d.L1; lo += A2; hi += lo < A2 ? 1UL : 0UL; t3 += lo; A2 = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L1); lo = a.L4 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L4, d.L1); lo = c.L4 * d.L1; lo += A2; hi += lo < A2 ? 1UL : 0UL; t4 += lo; A2 = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L1); lo = a.L5 * b.L1; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L5, d.L1); lo = c.L5 * d.L1; lo += A2; hi += lo < A2 ? 1UL : 0UL; t5 += lo; A2 = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A + A2;
        hi = MulHigh(a.L0, b.L2); lo = a.L0 * b.L2; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L0, d.L2); lo = c.L0 * d.L2; t0 += lo; A2 = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L2); lo = a.L1 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L1, d.L2); lo = c.L1 * d.L2; lo += A2; hi += lo < A2 ? 1UL : 0UL; t1 += lo; A2 = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L2); lo = a.L2 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L2, d.L2); lo = c.L2 * d.L2; lo += A2; hi += lo < A2 ? 1UL : 0UL; t2 += lo; A2 = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L2); lo = a.L3 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L3, d.L2); lo = c.L3 * d.L2; lo += A2; hi += lo < A2 ? 1UL : 0UL; t3 += lo; A2 = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L2); lo = a.L4 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L4, d.L2); lo = c.L4 * d.L2; lo += A2; hi += lo < A2 ? 1UL : 0UL; t4 += lo; A2 = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L2); lo = a.L5 * b.L2; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L5, d.L2); lo = c.L5 * d.L2; lo += A2; hi += lo < A2 ? 1UL : 0UL; t5 += lo; A2 = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A + A2;
        hi = MulHigh(a.L0, b.L3); lo = a.L0 * b.L3; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L0, d.L3); lo = c.L0 * d.L3; t0 += lo; A2 = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L3); lo = a.L1 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L1, d.L3); lo = c.L1 * d.L3; lo += A2; hi += lo < A2 ? 1UL : 0UL; t1 += lo; A2 = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L3); lo = a.L2 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L2, d.L3); lo = c.L2 * d.L3; lo += A2; hi += lo < A2 ? 1UL : 0UL; t2 += lo; A2 = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L3); lo = a.L3 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L3, d.L3); lo = c.L3 * d.L3; lo += A2; hi += lo < A2 ? 1UL : 0UL; t3 += lo; A2 = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L3); lo = a.L4 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L4, d.L3); lo = c.L4 * d.L3; lo += A2; hi += lo < A2 ? 1UL : 0UL; t4 += lo; A2 = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L3); lo = a.L5 * b.L3; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L5, d.L3); lo = c.L5 * d.L3; lo += A2; hi += lo < A2 ? 1UL : 0UL; t5 += lo; A2 = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A + A2;
        hi = MulHigh(a.L0, b.L4); lo = a.L0 * b.L4; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L0, d.L4); lo = c.L0 * d.L4; t0 += lo; A2 = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L4); lo = a.L1 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L1, d.L4); lo = c.L1 * d.L4; lo += A2; hi += lo < A2 ? 1UL : 0UL; t1 += lo; A2 = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L4); lo = a.L2 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L2, d.L4); lo = c.L2 * d.L4; lo += A2; hi += lo < A2 ? 1UL : 0UL; t2 += lo; A2 = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L4); lo = a.L3 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L3, d.L4); lo = c.L3 * d.L4; lo += A2; hi += lo < A2 ? 1UL : 0UL; t3 += lo; A2 = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L4); lo = a.L4 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L4, d.L4); lo = c.L4 * d.L4; lo += A2; hi += lo < A2 ? 1UL : 0UL; t4 += lo; A2 = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L4); lo = a.L5 * b.L4; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L5, d.L4); lo = c.L5 * d.L4; lo += A2; hi += lo < A2 ? 1UL : 0UL; t5 += lo; A2 = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A + A2;
        hi = MulHigh(a.L0, b.L5); lo = a.L0 * b.L5; t0 += lo; A = hi + (t0 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L0, d.L5); lo = c.L0 * d.L5; t0 += lo; A2 = hi + (t0 < lo ? 1UL : 0UL);
        m = t0 * PInv;
        hi = MulHigh(m, P0); lo = m * P0; lo += t0; C = hi + (lo < t0 ? 1UL : 0UL);
        hi = MulHigh(a.L1, b.L5); lo = a.L1 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t1 += lo; A = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L1, d.L5); lo = c.L1 * d.L5; lo += A2; hi += lo < A2 ? 1UL : 0UL; t1 += lo; A2 = hi + (t1 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P1); lo = m * P1; lo += C; hi += lo < C ? 1UL : 0UL; lo += t1; C = hi + (lo < t1 ? 1UL : 0UL); t0 = lo;
        hi = MulHigh(a.L2, b.L5); lo = a.L2 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t2 += lo; A = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L2, d.L5); lo = c.L2 * d.L5; lo += A2; hi += lo < A2 ? 1UL : 0UL; t2 += lo; A2 = hi + (t2 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P2); lo = m * P2; lo += C; hi += lo < C ? 1UL : 0UL; lo += t2; C = hi + (lo < t2 ? 1UL : 0UL); t1 = lo;
        hi = MulHigh(a.L3, b.L5); lo = a.L3 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t3 += lo; A = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L3, d.L5); lo = c.L3 * d.L5; lo += A2; hi += lo < A2 ? 1UL : 0UL; t3 += lo; A2 = hi + (t3 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P3); lo = m * P3; lo += C; hi += lo < C ? 1UL : 0UL; lo += t3; C = hi + (lo < t3 ? 1UL : 0UL); t2 = lo;
        hi = MulHigh(a.L4, b.L5); lo = a.L4 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t4 += lo; A = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L4, d.L5); lo = c.L4 * d.L5; lo += A2; hi += lo < A2 ? 1UL : 0UL; t4 += lo; A2 = hi + (t4 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P4); lo = m * P4; lo += C; hi += lo < C ? 1UL : 0UL; lo += t4; C = hi + (lo < t4 ? 1UL : 0UL); t3 = lo;
        hi = MulHigh(a.L5, b.L5); lo = a.L5 * b.L5; lo += A; hi += lo < A ? 1UL : 0UL; t5 += lo; A = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(c.L5, d.L5); lo = c.L5 * d.L5; lo += A2; hi += lo < A2 ? 1UL : 0UL; t5 += lo; A2 = hi + (t5 < lo ? 1UL : 0UL);
        hi = MulHigh(m, P5); lo = m * P5; lo += C; hi += lo < C ? 1UL : 0UL; lo += t5; C = hi + (lo < t5 ? 1UL : 0UL); t4 = lo;
        t5 = C + A + A2;
        return Reduce(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>
    /// Montgomery square. A dedicated squaring (cross products once, doubled, then a separate
    /// reduction) measured ~10% slower than the interleaved product in .NET 10, so this is the product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Square(in Fp a) => Mul(a, a);

    public static Fp operator +(in Fp a, in Fp b) => Add(a, b);

    public static Fp operator -(in Fp a, in Fp b) => Sub(a, b);

    public static Fp operator -(in Fp a) => Neg(a);

    public static Fp operator *(in Fp a, in Fp b) => Mul(a, b);

    public static bool operator ==(in Fp a, in Fp b) => a.Equals(b);

    public static bool operator !=(in Fp a, in Fp b) => !a.Equals(b);

    /// <summary>
    /// a^e for a public exponent given as little-endian limbs: left-to-right sliding windows of up to
    /// five bits over the odd powers a, a^3, ..., a^31. The exponent is public, so its bit pattern
    /// may steer the control flow; the base stays secret-safe.
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
                    result = Square(result);
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
                    result = Square(result);
                }
            }

            result = started ? Mul(result, odd[value >> 1]) : odd[value >> 1];
            started = true;
            bit = low - 1;
        }

        return result;
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
        var mask = 0 - (a.L0 & 1);
        ulong c = 0;
        var r0 = AddC(a.L0, P0 & mask, ref c);
        var r1 = AddC(a.L1, P1 & mask, ref c);
        var r2 = AddC(a.L2, P2 & mask, ref c);
        var r3 = AddC(a.L3, P3 & mask, ref c);
        var r4 = AddC(a.L4, P4 & mask, ref c);
        var r5 = AddC(a.L5, P5 & mask, ref c);
        return new Fp((r0 >> 1) | (r1 << 63), (r1 >> 1) | (r2 << 63), (r2 >> 1) | (r3 << 63), (r3 >> 1) | (r4 << 63), (r4 >> 1) | (r5 << 63), r5 >> 1);
    }

    /// <summary>12·a (3b for y^2 = x^3 + 4) by additions.</summary>
    public static Fp MulByCurveB3(in Fp a)
    {
        var a4 = Double(Double(a));
        return Add(Double(a4), a4);
    }

    /// <summary>Constant-time choice: b where mask is all ones, a where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Select(in Fp a, in Fp b, ulong mask) => new(
        a.L0 ^ ((a.L0 ^ b.L0) & mask),
        a.L1 ^ ((a.L1 ^ b.L1) & mask),
        a.L2 ^ ((a.L2 ^ b.L2) & mask),
        a.L3 ^ ((a.L3 ^ b.L3) & mask),
        a.L4 ^ ((a.L4 ^ b.L4) & mask),
        a.L5 ^ ((a.L5 ^ b.L5) & mask));

    /// <summary>Enters Montgomery form from a canonical value below p given as limbs.</summary>
    public static Fp FromCanonical(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) => Mul(new Fp(l0, l1, l2, l3, l4, l5), R2);

    public static Fp FromUInt64(ulong value) => FromCanonical(value, 0, 0, 0, 0, 0);

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
        SubB(l0, P0, ref borrow);
        SubB(l1, P1, ref borrow);
        SubB(l2, P2, ref borrow);
        SubB(l3, P3, ref borrow);
        SubB(l4, P4, ref borrow);
        SubB(l5, P5, ref borrow);
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
        var c = Mul(this, new Fp(1, 0, 0, 0, 0, 0));
        BinaryPrimitives.WriteUInt64BigEndian(destination, c.L5);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], c.L4);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c.L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], c.L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[32..], c.L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[40..], c.L0);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBytes(bytes);
        return bytes;
    }

    /// <summary>RFC 9380 sgn0: the parity of the canonical value.</summary>
    public bool Sgn0 => (Mul(this, new Fp(1, 0, 0, 0, 0, 0)).L0 & 1) != 0;

    /// <summary>True iff the canonical value exceeds (p-1)/2 (the ZCash "largest y" flag).</summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            var c = Mul(this, new Fp(1, 0, 0, 0, 0, 0));
            ulong borrow = 0;
            SubB(LegendreExponent[0], c.L0, ref borrow);
            SubB(LegendreExponent[1], c.L1, ref borrow);
            SubB(LegendreExponent[2], c.L2, ref borrow);
            SubB(LegendreExponent[3], c.L3, ref borrow);
            SubB(LegendreExponent[4], c.L4, ref borrow);
            SubB(LegendreExponent[5], c.L5, ref borrow);
            return borrow != 0;
        }
    }

    public bool Equals(Fp other) => ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5)) == 0;

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5);

    public override string ToString() => Convert.ToHexString(ToBytes());

    /// <summary>Subtracts p once when the value is at least p (values here are below 2p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5)
    {
        ulong borrow = 0;
        var s0 = SubB(t0, P0, ref borrow);
        var s1 = SubB(t1, P1, ref borrow);
        var s2 = SubB(t2, P2, ref borrow);
        var s3 = SubB(t3, P3, ref borrow);
        var s4 = SubB(t4, P4, ref borrow);
        var s5 = SubB(t5, P5, ref borrow);
        var keep = 0 - borrow;
        return new Fp(
            s0 ^ ((s0 ^ t0) & keep),
            s1 ^ ((s1 ^ t1) & keep),
            s2 ^ ((s2 ^ t2) & keep),
            s3 ^ ((s3 ^ t3) & keep),
            s4 ^ ((s4 ^ t4) & keep),
            s5 ^ ((s5 ^ t5) & keep));
    }

    /// <summary>
    /// The high word of a 64x64 product. The low word is taken with a plain multiply beside it:
    /// Math.BigMul's out parameter would send every low word through memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddC(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        var carryOut = sum < a ? 1UL : 0UL;
        var result = sum + carry;
        carry = carryOut | (result < sum ? 1UL : 0UL);
        return result;
    }

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
