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
internal readonly partial struct FpWide
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide Add(in FpWide a, in FpWide b) => new(a.Low + b.Low, a.High + b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide Sub(in FpWide a, in FpWide b) => new(a.Low - b.Low, a.High - b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FpWide Double(in FpWide a) => Add(a, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);
}
