using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Native;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// Eight independent base-field products at once ("vertical" lanes): lane k of every vector belongs
/// to product k. A batch operand is <see cref="BatchWords"/> words, row i (eight words) holding the
/// 56-bit limb i of the eight lanes' values, so the Montgomery form of <see cref="Fp"/> (R = 2^392) is
/// kept: each 56-bit limb splits losslessly into two 28-bit digits, whose products (vpmuludq,
/// 32x32 -> 64 bits) sum into 64-bit columns without carries. The reduction runs digit by digit
/// (fourteen 28-bit steps), interleaved with the product columns, the same in every lane. One pass of
/// eight lanes with AVX-512, two passes of four with AVX2 (<see cref="ILaneVector{TVec}"/>).
/// Branch-free on the values, like <see cref="Fp"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class FpLanes
{
    /// <summary>Values per batch.</summary>
    public const int Width = 8;

    /// <summary>Words of one batch operand: seven rows of eight limbs.</summary>
    public const int BatchWords = 56;

    private const int Limbs = 7;

    private const int Digits = 14;

    private const ulong DigitMask = (1UL << 28) - 1;

    private const ulong LimbMask = (1UL << 56) - 1;

    // -p^-1 mod 2^28.
    private const ulong PInverse = 0xFFCFFFD;

    // p in 28-bit digits, low to high.
    private static readonly ulong[] PDigits =
    [
        0xFFFAAAB, 0xFEFFFFF, 0x3FFFFB9, 0xFFFEB15, 0x6241EAB, 0xA0F6B0F, 0xF6730D2,
        0xF38512B, 0x4774B84, 0x4BACD76, 0xBA7B643, 0xE69A4B1, 0x1EA397F, 0x001A011,
    ];

    /// <summary>Whether the vector kernels can run here (otherwise callers use the scalar <see cref="Fp"/> code).</summary>
    public static bool IsSupported => Enabled && (Avx512Lanes.IsSupported || Avx2Lanes.IsSupported);

    /// <summary>
    /// NDVT_BLS_LANES=0 turns the lanes off (the scalar code runs, with MULX still), to compare the paths on one
    /// machine: the runtime's own switch (DOTNET_EnableAVX2=0) also turns off BMI2 and so slows the scalar code.
    /// </summary>
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("NDVT_BLS_LANES") != "0";

    /// <summary>
    /// Whether the lanes beat the scalar code for the independent products of one operation (a GF(p^12) product or
    /// square, a G2 point formula): yes with AVX-512, and with AVX2 unless the native base-field product runs
    /// (<see cref="FpNative"/>), against which an AVX2 pass of four lanes (about 53 ns per product) gains too little to
    /// pay for moving the operands into and out of lanes (measured: <see cref="G2Batched.Pays"/>, and the scalar
    /// GF(p^12) product 5.6 -> 4.9 µs, square 4.0 -> 3.5 µs, two-pair Miller loop 1,114-1,136 -> 1,034-1,054 µs).
    /// Batches of independent operations (subgroup checks of several points, the Miller doubling steps of several
    /// pairs) keep the lanes. The cyclotomic and compressed squarings follow this too since the native GF(p^2) square
    /// (scalar 1.83-1.86 against lanes 1.94-1.96 µs, compressed 1.23-1.25 against 1.30-1.34 µs).
    /// </summary>
    public static bool PayForOneOperation => IsSupported && (Avx512Lanes.IsSupported || !FpNative.IsEnabled);

    /// <summary>Which lane code runs here, for benchmark reports.</summary>
    public static string PathName => !IsSupported ? "scalar" : Avx512Lanes.IsSupported ? "AVX-512 lanes (8 per pass)" : "AVX2 lanes (4 per pass)";

    /// <summary>Writes x into a batch operand's lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(ulong* batch, int lane, in Fp x)
    {
        batch[lane] = x.L0;
        batch[Width + lane] = x.L1;
        batch[(2 * Width) + lane] = x.L2;
        batch[(3 * Width) + lane] = x.L3;
        batch[(4 * Width) + lane] = x.L4;
        batch[(5 * Width) + lane] = x.L5;
        batch[(6 * Width) + lane] = x.L6;
    }

    /// <summary>Reads a lane of a batch result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Get(ulong* batch, int lane) => new(
        batch[lane],
        batch[Width + lane],
        batch[(2 * Width) + lane],
        batch[(3 * Width) + lane],
        batch[(4 * Width) + lane],
        batch[(5 * Width) + lane],
        batch[(6 * Width) + lane]);

    /// <summary>The first 64-byte boundary in a buffer of at least <see cref="Width"/> more words than needed (aligned vector loads).</summary>
    public static ulong* Align(ulong* raw) => (ulong*)(((nuint)raw + 63) & ~(nuint)63);

    /// <summary>
    /// r_k = a_k·b_k (Montgomery product, canonical) for the eight lanes. Operands may be unreduced
    /// below 8p with limbs below 2^56 (sums carried by <see cref="Fp.SumUnreduced"/>): then
    /// a·b/2^392 + p stays below 2p, which one conditional subtraction makes canonical. With AVX2 only
    /// the first <paramref name="lanes"/> lanes are computed (rounded up to four), the others left as they were.
    /// </summary>
    public static void Mul(ulong* a, ulong* b, ulong* r, int lanes = Width)
    {
        if (Avx512Lanes.IsSupported)
        {
            Product<Avx512Lanes, Vector512<ulong>>(a, b, null, null, 1, r, Width);
        }
        else
        {
            Product<Avx2Lanes, Vector256<ulong>>(a, b, null, null, 1, r, lanes);
        }
    }

    /// <summary>r_k = a_k·b_k + c_k·d_k (one reduction per lane, canonical), operands and lanes as for <see cref="Mul"/>.</summary>
    public static void MulSum(ulong* a, ulong* b, ulong* c, ulong* d, ulong* r, int lanes = Width)
    {
        if (Avx512Lanes.IsSupported)
        {
            Product<Avx512Lanes, Vector512<ulong>>(a, b, c, d, 2, r, Width);
        }
        else
        {
            Product<Avx2Lanes, Vector256<ulong>>(a, b, c, d, 2, r, lanes);
        }
    }

    /// <summary>
    /// The kernel on the vectors of <typeparamref name="TLanes"/>: a·b (+ c·d when <paramref name="terms"/> is 2), one
    /// pass per <typeparamref name="TLanes"/>.Count lanes. Internal so that tests can run it with <see cref="PortableLanes"/>.
    /// </summary>
    internal static void Product<TLanes, TVec>(ulong* a, ulong* b, ulong* c, ulong* d, int terms, ulong* r, int lanes)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var scratch = stackalloc TVec[(7 * Digits) + (64 / sizeof(TVec)) + 1];
        var p = (TVec*)(((nuint)scratch + 63) & ~(nuint)63);
        for (var i = 0; i < Digits; i++)
        {
            p[i] = TLanes.Create(PDigits[i]);
        }

        var digits = p + Digits;
        for (var lane = 0; lane < lanes; lane += TLanes.Count)
        {
            Split<TLanes, TVec>(a + lane, digits);
            Split<TLanes, TVec>(b + lane, digits + Digits);
            if (terms == 2)
            {
                Split<TLanes, TVec>(c + lane, digits + (2 * Digits));
                Split<TLanes, TVec>(d + lane, digits + (3 * Digits));
            }

            MontgomeryProduct<TLanes, TVec>(digits, terms, p, digits + (2 * terms * Digits), r + lane);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split<TLanes, TVec>(ulong* batch, TVec* digits)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var mask = TLanes.Create(DigitMask);
        for (var i = 0; i < Limbs; i++)
        {
            var limb = TLanes.Load(batch + (i * Width));
            digits[2 * i] = TLanes.And(limb, mask);
            digits[(2 * i) + 1] = TLanes.ShiftRightLogical(limb, 28);
        }
    }

    /// <summary>
    /// Finely integrated product scanning over 28-bit digits: column k sums the operand products
    /// x_i·y_(k-i) of every term and the reduction products m_j·p_(k-j); the first fourteen columns
    /// each fix one reduction digit m_k, the last fourteen are the result digits. Columns stay below
    /// 2^62 (at most 2·14 + 14 products below 2^56, plus a carry), so no carries inside a column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MontgomeryProduct<TLanes, TVec>(TVec* digits, int terms, TVec* p, TVec* scratch, ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var mask = TLanes.Create(DigitMask);
        var pInverse = TLanes.Create(PInverse);
        var m = scratch;
        var result = scratch + Digits;
        // Columns in pairs (k, k + 1): each loaded digit serves both columns, which halves the loads.
        var carry = TLanes.Create(0);
        for (var k = 0; k < 2 * Digits; k += 2)
        {
            var a = carry;
            var b = TLanes.Create(0);
            for (var t = 0; t < terms; t++)
            {
                var x = digits + (2 * t * Digits);
                var y = x + Digits;
                if (k < Digits)
                {
                    PairedColumns<TLanes, TVec>(x, y, 0, k, k, ref a, ref b);
                    b = TLanes.Add(b, TLanes.MultiplyLow32(x[k + 1], y[0]));
                }
                else
                {
                    a = TLanes.Add(a, TLanes.MultiplyLow32(x[k - (Digits - 1)], y[Digits - 1]));
                    PairedColumns<TLanes, TVec>(x, y, k - (Digits - 2), Digits - 1, k, ref a, ref b);
                }
            }

            if (k < Digits)
            {
                PairedColumns<TLanes, TVec>(m, p, 0, k - 1, k, ref a, ref b);
                var mk = TLanes.And(TLanes.MultiplyLow32(a, pInverse), mask);
                m[k] = mk;
                a = TLanes.Add(a, TLanes.MultiplyLow32(mk, p[0]));
                b = TLanes.Add(b, TLanes.Add(TLanes.ShiftRightLogical(a, 28), TLanes.MultiplyLow32(mk, p[1])));
                var mk1 = TLanes.And(TLanes.MultiplyLow32(b, pInverse), mask);
                m[k + 1] = mk1;
                b = TLanes.Add(b, TLanes.MultiplyLow32(mk1, p[0]));
            }
            else
            {
                a = TLanes.Add(a, TLanes.MultiplyLow32(m[k - (Digits - 1)], p[Digits - 1]));
                PairedColumns<TLanes, TVec>(m, p, k - (Digits - 2), Digits - 1, k, ref a, ref b);
                result[k - Digits] = TLanes.And(a, mask);
                b = TLanes.Add(b, TLanes.ShiftRightLogical(a, 28));
                result[k - Digits + 1] = TLanes.And(b, mask);
            }

            carry = TLanes.ShiftRightLogical(b, 28);
        }

        SubtractPIfAbove<TLanes, TVec>(result, r);
    }

    /// <summary>
    /// Adds x_i·y_(k-i) to column k (a) and x_i·y_(k+1-i) to column k + 1 (b) for i from low to high:
    /// the y digit of one step's column k is the next step's column k + 1 digit, so it is loaded once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PairedColumns<TLanes, TVec>(TVec* x, TVec* y, int low, int high, int k, ref TVec a, ref TVec b)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        if (low > high)
        {
            return;
        }

        // Walking pointers rather than indices: the JIT otherwise spends more instructions on index arithmetic than on
        // the two products of each step.
        var xi = x + low;
        var xEnd = x + high;
        var yi = y + (k - low);
        var shared = yi[1];

        // Two steps per iteration, so that the digit carried from one step to the next never needs a register move.
        while (xi < xEnd)
        {
            var x0 = xi[0];
            var next = yi[0];
            b = TLanes.Add(b, TLanes.MultiplyLow32(x0, shared));
            a = TLanes.Add(a, TLanes.MultiplyLow32(x0, next));
            var x1 = xi[1];
            shared = yi[-1];
            b = TLanes.Add(b, TLanes.MultiplyLow32(x1, next));
            a = TLanes.Add(a, TLanes.MultiplyLow32(x1, shared));
            xi += 2;
            yi -= 2;
        }

        if (xi == xEnd)
        {
            var xv = *xi;
            b = TLanes.Add(b, TLanes.MultiplyLow32(xv, shared));
            a = TLanes.Add(a, TLanes.MultiplyLow32(xv, *yi));
        }
    }

    /// <summary>Joins digit pairs into 56-bit limbs and subtracts p where the value (below 2p) is at least p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractPIfAbove<TLanes, TVec>(TVec* result, ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var limbMask = TLanes.Create(LimbMask);
        var limbs = stackalloc TVec[Limbs];
        var borrow = TLanes.Create(0);
        var differences = stackalloc TVec[Limbs];
        for (var i = 0; i < Limbs; i++)
        {
            var limb = TLanes.Or(result[2 * i], TLanes.ShiftLeft(result[(2 * i) + 1], 28));
            limbs[i] = limb;
            var d = TLanes.Add(TLanes.Subtract(limb, TLanes.Create(PDigits[2 * i] | (PDigits[(2 * i) + 1] << 28))), borrow);
            differences[i] = TLanes.And(d, limbMask);
            borrow = TLanes.ShiftRightArithmetic(d, 56);
        }

        // borrow is all ones in the lanes below p (keep the value), zero elsewhere (take the difference).
        for (var i = 0; i < Limbs; i++)
        {
            TLanes.Store(r + (i * Width), TLanes.Select(borrow, limbs[i], differences[i]));
        }
    }
}
