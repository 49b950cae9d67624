using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// Lane-wise GF(p) and GF(p^2) arithmetic on <see cref="FpLanes"/> operands (rows of eight lanes), so that one algorithm runs on eight independent inputs at once with its data
/// kept in lanes between steps. A GF(p^2) operand is <see cref="Fp2Words"/> words: c0's rows, then
/// c1's. Inputs and outputs are canonical; an output may alias an input. Branch-free on the values.
/// </summary>
[SkipLocalsInit]
internal static unsafe class FpLaneOps
{
    /// <summary>Words of a GF(p^2) lane operand.</summary>
    public const int Fp2Words = 2 * FpLanes.BatchWords;

    private const int Limbs = 7;

    private const int Width = FpLanes.Width;

    private const ulong LimbMask = (1UL << 56) - 1;

    private static ReadOnlySpan<ulong> P => [0xFEFFFFFFFFAAAB, 0xFFFEB153FFFFB9, 0xA0F6B0F6241EAB, 0xF38512BF6730D2, 0x4BACD764774B84, 0xE69A4B1BA7B643, 0x001A0111EA397F];

    /// <summary>r = a + b mod p.</summary>
    public static void Add(ulong* a, ulong* b, ulong* r)
    {
        if (Avx512Lanes.IsSupported)
        {
            Add<Avx512Lanes, Vector512<ulong>>(a, b, r);
        }
        else
        {
            Add<Avx2Lanes, Vector256<ulong>>(a, b, r);
        }
    }

    /// <summary>r = a - b mod p.</summary>
    public static void Sub(ulong* a, ulong* b, ulong* r)
    {
        if (Avx512Lanes.IsSupported)
        {
            Sub<Avx512Lanes, Vector512<ulong>>(a, b, r);
        }
        else
        {
            Sub<Avx2Lanes, Vector256<ulong>>(a, b, r);
        }
    }

    /// <summary>r = a + b carried but not reduced (below 2p): a product operand only.</summary>
    public static void SumUnreduced(ulong* a, ulong* b, ulong* r)
    {
        if (Avx512Lanes.IsSupported)
        {
            Sum<Avx512Lanes, Vector512<ulong>>(a, b, r);
        }
        else
        {
            Sum<Avx2Lanes, Vector256<ulong>>(a, b, r);
        }
    }

    /// <summary>r = a - b + p (between 1 and 2p) carried but not reduced: a product operand only.</summary>
    public static void DifferencePlusP(ulong* a, ulong* b, ulong* r)
    {
        if (Avx512Lanes.IsSupported)
        {
            DifferencePlusP<Avx512Lanes, Vector512<ulong>>(a, b, r);
        }
        else
        {
            DifferencePlusP<Avx2Lanes, Vector256<ulong>>(a, b, r);
        }
    }

    /// <summary>The lanes (bit k for lane k) where a is zero.</summary>
    public static uint ZeroLanes(ulong* a) =>
        Avx512Lanes.IsSupported ? ZeroLanes<Avx512Lanes, Vector512<ulong>>(a) : ZeroLanes<Avx2Lanes, Vector256<ulong>>(a);

    /// <summary>r = a·b in GF(p^2): a0 b0 + (p - a1) b1 and a0 b1 + a1 b0, two fused lane products.</summary>
    public static void Fp2Mul(ulong* a, ulong* b, ulong* r)
    {
        var raw = stackalloc ulong[(2 * FpLanes.BatchWords) + Width];
        var negA1 = FpLanes.Align(raw);
        var c0 = negA1 + FpLanes.BatchWords;
        NegUnreduced(a + FpLanes.BatchWords, negA1);
        FpLanes.MulSum(a, b, negA1, b + FpLanes.BatchWords, c0);
        FpLanes.MulSum(a, b + FpLanes.BatchWords, a + FpLanes.BatchWords, b, r + FpLanes.BatchWords);
        Copy(c0, r);
    }

    /// <summary>r = a^2 in GF(p^2): (a0 + a1)(a0 - a1 + p) and 2 a0·a1.</summary>
    public static void Fp2Square(ulong* a, ulong* r)
    {
        var raw = stackalloc ulong[(3 * FpLanes.BatchWords) + Width];
        var sum = FpLanes.Align(raw);
        var difference = sum + FpLanes.BatchWords;
        var twice = difference + FpLanes.BatchWords;
        var a1 = a + FpLanes.BatchWords;
        SumUnreduced(a, a1, sum);
        DifferencePlusP(a, a1, difference);
        SumUnreduced(a, a, twice);
        FpLanes.Mul(twice, a1, r + FpLanes.BatchWords);
        FpLanes.Mul(sum, difference, r);
    }

    public static void Fp2Add(ulong* a, ulong* b, ulong* r)
    {
        Add(a, b, r);
        Add(a + FpLanes.BatchWords, b + FpLanes.BatchWords, r + FpLanes.BatchWords);
    }

    public static void Fp2Sub(ulong* a, ulong* b, ulong* r)
    {
        Sub(a, b, r);
        Sub(a + FpLanes.BatchWords, b + FpLanes.BatchWords, r + FpLanes.BatchWords);
    }

    /// <summary>The lanes where a GF(p^2) value is zero.</summary>
    public static uint Fp2ZeroLanes(ulong* a) => ZeroLanes(a) & ZeroLanes(a + FpLanes.BatchWords);

    /// <summary>Writes a GF(p^2) value into a lane.</summary>
    public static void PutFp2(ulong* batch, int lane, in Fp2 x)
    {
        FpLanes.Put(batch, lane, x.C0);
        FpLanes.Put(batch + FpLanes.BatchWords, lane, x.C1);
    }

    /// <summary>Reads a GF(p^2) value from a lane.</summary>
    public static Fp2 GetFp2(ulong* batch, int lane) => new(FpLanes.Get(batch, lane), FpLanes.Get(batch + FpLanes.BatchWords, lane));

    /// <summary>p - a (p for zero), carried: a product operand only.</summary>
    private static void NegUnreduced(ulong* a, ulong* r)
    {
        if (Avx512Lanes.IsSupported)
        {
            DifferencePlusP<Avx512Lanes, Vector512<ulong>>(a, null, r);
        }
        else
        {
            DifferencePlusP<Avx2Lanes, Vector256<ulong>>(a, null, r);
        }
    }

    internal static void Add<TLanes, TVec>(ulong* a, ulong* b, ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        Sum<TLanes, TVec>(a, b, r);
        for (var lane = 0; lane < Width; lane += TLanes.Count)
        {
            SubtractPIfAbove<TLanes, TVec>(r + lane);
        }
    }

    /// <summary>a + b with the limbs carried (below 2^392 for operands below 2^391).</summary>
    internal static void Sum<TLanes, TVec>(ulong* a, ulong* b, ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var mask = TLanes.Create(LimbMask);
        for (var lane = 0; lane < Width; lane += TLanes.Count)
        {
            var carry = TLanes.Create(0);
            for (var i = 0; i < Limbs - 1; i++)
            {
                var s = TLanes.Add(TLanes.Add(Load<TLanes, TVec>(a, i, lane), Load<TLanes, TVec>(b, i, lane)), carry);
                Store<TLanes, TVec>(r, i, lane, TLanes.And(s, mask));
                carry = TLanes.ShiftRightLogical(s, 56);
            }

            Store<TLanes, TVec>(r, Limbs - 1, lane, TLanes.Add(TLanes.Add(Load<TLanes, TVec>(a, Limbs - 1, lane), Load<TLanes, TVec>(b, Limbs - 1, lane)), carry));
        }
    }

    internal static void Sub<TLanes, TVec>(ulong* a, ulong* b, ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var mask = TLanes.Create(LimbMask);
        for (var lane = 0; lane < Width; lane += TLanes.Count)
        {
            var borrow = TLanes.Create(0);
            for (var i = 0; i < Limbs; i++)
            {
                var d = TLanes.Add(TLanes.Subtract(Load<TLanes, TVec>(a, i, lane), Load<TLanes, TVec>(b, i, lane)), borrow);
                Store<TLanes, TVec>(r, i, lane, TLanes.And(d, mask));
                borrow = TLanes.ShiftRightArithmetic(d, 56);
            }

            // borrow is all ones in the lanes that went negative: add p back there.
            var carry = TLanes.Create(0);
            for (var i = 0; i < Limbs; i++)
            {
                var s = TLanes.Add(TLanes.Add(Load<TLanes, TVec>(r, i, lane), TLanes.And(TLanes.Create(P[i]), borrow)), carry);
                Store<TLanes, TVec>(r, i, lane, TLanes.And(s, mask));
                carry = TLanes.ShiftRightLogical(s, 56);
            }
        }
    }

    /// <summary>a - b + p, or p - a when b is null, limbs carried and the top limb left as it is: product operands.</summary>
    internal static void DifferencePlusP<TLanes, TVec>(ulong* a, ulong* b, ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var mask = TLanes.Create(LimbMask);
        for (var lane = 0; lane < Width; lane += TLanes.Count)
        {
            var borrow = TLanes.Create(0);
            for (var i = 0; i < Limbs; i++)
            {
                var d = TLanes.Add(TLanes.Create(P[i]), borrow);
                d = b is null ? TLanes.Subtract(d, Load<TLanes, TVec>(a, i, lane)) : TLanes.Add(d, TLanes.Subtract(Load<TLanes, TVec>(a, i, lane), Load<TLanes, TVec>(b, i, lane)));
                Store<TLanes, TVec>(r, i, lane, i < Limbs - 1 ? TLanes.And(d, mask) : d);
                borrow = TLanes.ShiftRightArithmetic(d, 56);
            }
        }
    }

    internal static uint ZeroLanes<TLanes, TVec>(ulong* a)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var lanes = 0u;
        for (var lane = 0; lane < Width; lane += TLanes.Count)
        {
            var any = Load<TLanes, TVec>(a, 0, lane);
            for (var i = 1; i < Limbs; i++)
            {
                any = TLanes.Or(any, Load<TLanes, TVec>(a, i, lane));
            }

            lanes |= TLanes.ZeroLanes(any) << lane;
        }

        return lanes;
    }

    /// <summary>Subtracts p from the lanes at or above p (values below 2p, limbs carried).</summary>
    private static void SubtractPIfAbove<TLanes, TVec>(ulong* r)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged
    {
        var mask = TLanes.Create(LimbMask);
        var borrow = TLanes.Create(0);
        var differences = stackalloc TVec[Limbs];
        for (var i = 0; i < Limbs; i++)
        {
            var d = TLanes.Add(TLanes.Subtract(Load<TLanes, TVec>(r, i, 0), TLanes.Create(P[i])), borrow);
            differences[i] = TLanes.And(d, mask);
            borrow = TLanes.ShiftRightArithmetic(d, 56);
        }

        for (var i = 0; i < Limbs; i++)
        {
            Store<TLanes, TVec>(r, i, 0, TLanes.Select(borrow, Load<TLanes, TVec>(r, i, 0), differences[i]));
        }
    }

    private static void Copy(ulong* source, ulong* destination) => Buffer.MemoryCopy(source, destination, FpLanes.BatchWords * sizeof(ulong), FpLanes.BatchWords * sizeof(ulong));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Load<TLanes, TVec>(ulong* batch, int row, int lane)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged => TLanes.Load(batch + (row * Width) + lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLanes, TVec>(ulong* batch, int row, int lane, TVec value)
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged => TLanes.Store(batch + (row * Width) + lane, value);
}
