using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// Eight independent base-field products at once with AVX-512 ("vertical" lanes): lane k of every
/// vector belongs to product k. A batch operand is <see cref="BatchWords"/> words, row i (eight
/// words) holding the 56-bit limb i of the eight lanes' values, so the Montgomery form of <see cref="Fp"/>
/// (R = 2^392) is kept: each 56-bit limb splits losslessly into two 28-bit digits, whose products
/// (vpmuludq, 32x32 -> 64 bits) sum into 64-bit columns without carries. The reduction runs digit by
/// digit (fourteen 28-bit steps), interleaved with the product columns, the same in every lane.
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
    public static bool IsSupported => Avx512F.IsSupported;

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
    /// a·b/2^392 + p stays below 2p, which one conditional subtraction makes canonical.
    /// </summary>
    public static void Mul(ulong* a, ulong* b, ulong* r)
    {
        var scratch = stackalloc Vector512<ulong>[(5 * Digits) + 1];
        var digits = AlignVectors(scratch);
        Split(a, digits);
        Split(b, digits + Digits);
        MontgomeryProduct(digits, 1, digits + (2 * Digits), r);
    }

    /// <summary>r_k = a_k·b_k + c_k·d_k (one reduction per lane, canonical), operands as for <see cref="Mul"/>.</summary>
    public static void MulSum(ulong* a, ulong* b, ulong* c, ulong* d, ulong* r)
    {
        var scratch = stackalloc Vector512<ulong>[(7 * Digits) + 1];
        var digits = AlignVectors(scratch);
        Split(a, digits);
        Split(b, digits + Digits);
        Split(c, digits + (2 * Digits));
        Split(d, digits + (3 * Digits));
        MontgomeryProduct(digits, 2, digits + (4 * Digits), r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong>* AlignVectors(Vector512<ulong>* raw) => (Vector512<ulong>*)(((nuint)raw + 63) & ~(nuint)63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(ulong* batch, Vector512<ulong>* digits)
    {
        var mask = Vector512.Create(DigitMask);
        for (var i = 0; i < Limbs; i++)
        {
            var limb = Vector512.Load(batch + (i * Width));
            digits[2 * i] = limb & mask;
            digits[(2 * i) + 1] = Vector512.ShiftRightLogical(limb, 28);
        }
    }

    /// <summary>
    /// Finely integrated product scanning over 28-bit digits: column k sums the operand products
    /// x_i·y_(k-i) of every term and the reduction products m_j·p_(k-j); the first fourteen columns
    /// each fix one reduction digit m_k, the last fourteen are the result digits. Columns stay below
    /// 2^62 (at most 2·14 + 14 products below 2^56, plus a carry), so no carries inside a column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MontgomeryProduct(Vector512<ulong>* digits, int terms, Vector512<ulong>* scratch, ulong* r)
    {
        var mask = Vector512.Create(DigitMask);
        var pInverse = Vector512.Create(PInverse).AsUInt32();
        var m = scratch;
        var result = scratch + Digits;
        var p = scratch + (2 * Digits);
        for (var i = 0; i < Digits; i++)
        {
            p[i] = Vector512.Create(PDigits[i]);
        }

        // Columns in pairs (k, k + 1): each loaded digit serves both columns, which halves the loads.
        var carry = Vector512<ulong>.Zero;
        for (var k = 0; k < 2 * Digits; k += 2)
        {
            var a = carry;
            var b = Vector512<ulong>.Zero;
            for (var t = 0; t < terms; t++)
            {
                var x = digits + (2 * t * Digits);
                var y = x + Digits;
                if (k < Digits)
                {
                    PairedColumns(x, y, 0, k, k, ref a, ref b);
                    b += Avx512F.Multiply(x[k + 1].AsUInt32(), y[0].AsUInt32());
                }
                else
                {
                    a += Avx512F.Multiply(x[k - (Digits - 1)].AsUInt32(), y[Digits - 1].AsUInt32());
                    PairedColumns(x, y, k - (Digits - 2), Digits - 1, k, ref a, ref b);
                }
            }

            if (k < Digits)
            {
                PairedColumns(m, p, 0, k - 1, k, ref a, ref b);
                var mk = Avx512F.Multiply(a.AsUInt32(), pInverse) & mask;
                m[k] = mk;
                a += Avx512F.Multiply(mk.AsUInt32(), p[0].AsUInt32());
                b += Vector512.ShiftRightLogical(a, 28) + Avx512F.Multiply(mk.AsUInt32(), p[1].AsUInt32());
                var mk1 = Avx512F.Multiply(b.AsUInt32(), pInverse) & mask;
                m[k + 1] = mk1;
                b += Avx512F.Multiply(mk1.AsUInt32(), p[0].AsUInt32());
            }
            else
            {
                a += Avx512F.Multiply(m[k - (Digits - 1)].AsUInt32(), p[Digits - 1].AsUInt32());
                PairedColumns(m, p, k - (Digits - 2), Digits - 1, k, ref a, ref b);
                result[k - Digits] = a & mask;
                b += Vector512.ShiftRightLogical(a, 28);
                result[k - Digits + 1] = b & mask;
            }

            carry = Vector512.ShiftRightLogical(b, 28);
        }

        SubtractPIfAbove(result, r);
    }

    /// <summary>
    /// Adds x_i·y_(k-i) to column k (a) and x_i·y_(k+1-i) to column k + 1 (b) for i from low to high:
    /// the y digit of one step's column k is the next step's column k + 1 digit, so it is loaded once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PairedColumns(Vector512<ulong>* x, Vector512<ulong>* y, int low, int high, int k, ref Vector512<ulong> a, ref Vector512<ulong> b)
    {
        if (low > high)
        {
            return;
        }

        var shared = y[k + 1 - low];
        for (var i = low; i <= high; i++)
        {
            var xi = x[i];
            var next = y[k - i];
            b += Avx512F.Multiply(xi.AsUInt32(), shared.AsUInt32());
            a += Avx512F.Multiply(xi.AsUInt32(), next.AsUInt32());
            shared = next;
        }
    }

    /// <summary>Joins digit pairs into 56-bit limbs and subtracts p where the value (below 2p) is at least p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractPIfAbove(Vector512<ulong>* result, ulong* r)
    {
        var limbMask = Vector512.Create(LimbMask);
        var limbs = stackalloc Vector512<ulong>[Limbs];
        var borrow = Vector512<long>.Zero;
        var differences = stackalloc Vector512<ulong>[Limbs];
        for (var i = 0; i < Limbs; i++)
        {
            var limb = result[2 * i] | Vector512.ShiftLeft(result[(2 * i) + 1], 28);
            limbs[i] = limb;
            var d = limb.AsInt64() - Vector512.Create((long)(PDigits[2 * i] | (PDigits[(2 * i) + 1] << 28))) + borrow;
            differences[i] = d.AsUInt64() & limbMask;
            borrow = Vector512.ShiftRightArithmetic(d, 56);
        }

        // borrow is all ones in the lanes below p (keep the value), zero elsewhere (take the difference).
        var keep = borrow.AsUInt64();
        for (var i = 0; i < Limbs; i++)
        {
            Vector512.ConditionalSelect(keep, limbs[i], differences[i]).Store(r + (i * Width));
        }
    }
}
