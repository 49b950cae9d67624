using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>
/// An unreduced base-field product (up to about 2^11·p^2 in magnitude) as fourteen 56-bit columns in
/// two's complement: sums and differences of products are column-wise additions, with no carries,
/// and one Montgomery reduction (<see cref="Fp.Reduce(in FpWide)"/>) ends a whole sum of products.
/// This is how the tower saves reductions (lazy reduction).
/// </summary>
internal readonly struct FpWide
{
    private const int Limbs = 7;

    private const ulong Mask = (1UL << 56) - 1;

    // Columns 0-7 and 8-13 (two lanes spare): sums and differences are two vector instructions.
    internal readonly Vector512<ulong> Low;
    internal readonly Vector512<ulong> High;

    internal FpWide(in Vector512<ulong> low, in Vector512<ulong> high)
    {
        Low = low;
        High = high;
    }

    /// <summary>
    /// The full product a·b by product scanning, carried into 56-bit columns. Operands need limbs
    /// below 2^56 (canonical values, or unreduced sums from <see cref="Fp.SumUnreduced"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    public static unsafe FpWide Mul(in Fp a, in Fp b)
    {
        var b8 = stackalloc ulong[Limbs];
        b8[0] = b.L0 << 8;
        b8[1] = b.L1 << 8;
        b8[2] = b.L2 << 8;
        b8[3] = b.L3 << 8;
        b8[4] = b.L4 << 8;
        b8[5] = b.L5 << 8;
        b8[6] = b.L6 << 8;
        ulong acc, u, v;
        u = (a.L0 * b8[0] >> 8);
        acc = u;
        var w0 = acc & Mask;
        acc >>= 56;
        u = (a.L0 * b8[1] >> 8);
        u += (a.L1 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[0]);
        acc += u + v;
        var w1 = acc & Mask;
        acc >>= 56;
        u = (a.L0 * b8[2] >> 8);
        u += (a.L1 * b8[1] >> 8);
        u += (a.L2 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[1]);
        v += MulHigh(a.L1, b8[0]);
        acc += u + v;
        var w2 = acc & Mask;
        acc >>= 56;
        u = (a.L0 * b8[3] >> 8);
        u += (a.L1 * b8[2] >> 8);
        u += (a.L2 * b8[1] >> 8);
        u += (a.L3 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[2]);
        v += MulHigh(a.L1, b8[1]);
        v += MulHigh(a.L2, b8[0]);
        acc += u + v;
        var w3 = acc & Mask;
        acc >>= 56;
        u = (a.L0 * b8[4] >> 8);
        u += (a.L1 * b8[3] >> 8);
        u += (a.L2 * b8[2] >> 8);
        u += (a.L3 * b8[1] >> 8);
        u += (a.L4 * b8[0] >> 8);
        v = MulHigh(a.L0, b8[3]);
        v += MulHigh(a.L1, b8[2]);
        v += MulHigh(a.L2, b8[1]);
        v += MulHigh(a.L3, b8[0]);
        acc += u + v;
        var w4 = acc & Mask;
        acc >>= 56;
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
        acc += u + v;
        var w5 = acc & Mask;
        acc >>= 56;
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
        acc += u + v;
        var w6 = acc & Mask;
        acc >>= 56;
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
        acc += u + v;
        var w7 = acc & Mask;
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
        acc += u + v;
        var w8 = acc & Mask;
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
        acc += u + v;
        var w9 = acc & Mask;
        acc >>= 56;
        u = (a.L4 * b8[6] >> 8);
        u += (a.L5 * b8[5] >> 8);
        u += (a.L6 * b8[4] >> 8);
        v = MulHigh(a.L3, b8[6]);
        v += MulHigh(a.L4, b8[5]);
        v += MulHigh(a.L5, b8[4]);
        v += MulHigh(a.L6, b8[3]);
        acc += u + v;
        var w10 = acc & Mask;
        acc >>= 56;
        u = (a.L5 * b8[6] >> 8);
        u += (a.L6 * b8[5] >> 8);
        v = MulHigh(a.L4, b8[6]);
        v += MulHigh(a.L5, b8[5]);
        v += MulHigh(a.L6, b8[4]);
        acc += u + v;
        var w11 = acc & Mask;
        acc >>= 56;
        u = (a.L6 * b8[6] >> 8);
        v = MulHigh(a.L5, b8[6]);
        v += MulHigh(a.L6, b8[5]);
        acc += u + v;
        var w12 = acc & Mask;
        acc >>= 56;
        var w13 = acc + MulHigh(a.L6, b8[6]);
        return new FpWide(Vector512.Create(w0, w1, w2, w3, w4, w5, w6, w7), Vector512.Create(w8, w9, w10, w11, w12, w13, 0UL, 0UL));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide Add(in FpWide a, in FpWide b) => new(a.Low + b.Low, a.High + b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide Sub(in FpWide a, in FpWide b) => new(a.Low - b.Low, a.High - b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide Double(in FpWide a) => Add(a, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);
}
