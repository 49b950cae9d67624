using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Fields;

internal readonly partial struct Fp
{
    /// <summary>
    /// Montgomery product a·b·2^-392, finely integrated product scanning: column k sums the low
    /// halves of a_i·b_j (i + j = k) and m_i·p_j and the high halves from column k - 1, each below
    /// 2^56, in plain 64-bit additions; the first seven columns each fix one reduction digit m_k.
    /// Inputs below 2p (canonical, or unreduced sums with limbs below 2^56) give a result below
    /// 2p, and one conditional subtraction makes it canonical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Mul(in Fp a, in Fp b) => FpNative.IsEnabled ? FpNative.Mul(a, b) : MulManaged(a, b);

    /// <summary>
    /// a·b + c·d with one Montgomery reduction (both products summed in every column). Inputs
    /// up to p keep the result below 2p, so one final subtraction suffices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp MulSum(in Fp a, in Fp b, in Fp c, in Fp d) =>
        FpNative.IsEnabled ? FpNative.MulSum(a, b, c, d) : MulSumManaged(a, b, c, d);

    /// <summary>Montgomery square.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Square(in Fp a) => FpNative.IsEnabled ? FpNative.Square(a) : SquareManaged(a);

    /// <summary>
    /// The Montgomery square without the final subtraction: a value below 2p (limbs carried), for
    /// chains of squarings (exponentiation), whose products accept such operands.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp SquareUnreduced(in Fp a) => FpNative.IsEnabled ? FpNative.Square(a) : SquareUnreducedManaged(a);

    /// <summary>The high word of a 64x64 product (mulx where available).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);
}
