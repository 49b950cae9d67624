using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// Lane-wise GF(p) and GF(p^2) arithmetic on <see cref="FpLanes"/> operands (rows of eight lanes,
/// 64-byte aligned), so that one algorithm runs on eight independent inputs at once with its data
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
        var mask = Vector512.Create(LimbMask);
        var carry = Vector512<ulong>.Zero;
        for (var i = 0; i < Limbs; i++)
        {
            var s = Load(a, i) + Load(b, i) + carry;
            Store(r, i, s & mask);
            carry = Vector512.ShiftRightLogical(s, 56);
        }

        SubtractPIfAbove(r);
    }

    /// <summary>r = a - b mod p.</summary>
    public static void Sub(ulong* a, ulong* b, ulong* r)
    {
        var mask = Vector512.Create(LimbMask);
        var borrow = Vector512<long>.Zero;
        for (var i = 0; i < Limbs; i++)
        {
            var d = Load(a, i).AsInt64() - Load(b, i).AsInt64() + borrow;
            Store(r, i, d.AsUInt64() & mask);
            borrow = Vector512.ShiftRightArithmetic(d, 56);
        }

        // borrow is all ones in the lanes that went negative: add p back there.
        var negative = borrow.AsUInt64();
        var carry = Vector512<ulong>.Zero;
        for (var i = 0; i < Limbs; i++)
        {
            var s = Load(r, i) + (Vector512.Create(P[i]) & negative) + carry;
            Store(r, i, s & mask);
            carry = Vector512.ShiftRightLogical(s, 56);
        }
    }

    /// <summary>r = a + b carried but not reduced (below 2p): a product operand only.</summary>
    public static void SumUnreduced(ulong* a, ulong* b, ulong* r)
    {
        var mask = Vector512.Create(LimbMask);
        var carry = Vector512<ulong>.Zero;
        for (var i = 0; i < Limbs - 1; i++)
        {
            var s = Load(a, i) + Load(b, i) + carry;
            Store(r, i, s & mask);
            carry = Vector512.ShiftRightLogical(s, 56);
        }

        Store(r, Limbs - 1, Load(a, Limbs - 1) + Load(b, Limbs - 1) + carry);
    }

    /// <summary>r = a - b + p (between 1 and 2p) carried but not reduced: a product operand only.</summary>
    public static void DifferencePlusP(ulong* a, ulong* b, ulong* r)
    {
        var mask = Vector512.Create(LimbMask);
        var borrow = Vector512<long>.Zero;
        for (var i = 0; i < Limbs - 1; i++)
        {
            var d = Load(a, i).AsInt64() - Load(b, i).AsInt64() + Vector512.Create((long)P[i]) + borrow;
            Store(r, i, d.AsUInt64() & mask);
            borrow = Vector512.ShiftRightArithmetic(d, 56);
        }

        var top = Load(a, Limbs - 1).AsInt64() - Load(b, Limbs - 1).AsInt64() + Vector512.Create((long)P[Limbs - 1]) + borrow;
        Store(r, Limbs - 1, top.AsUInt64());
    }

    /// <summary>The lanes (bit k for lane k) where a is zero.</summary>
    public static uint ZeroLanes(ulong* a)
    {
        var any = Load(a, 0);
        for (var i = 1; i < Limbs; i++)
        {
            any |= Load(a, i);
        }

        return (uint)Vector512.Equals(any, Vector512<ulong>.Zero).ExtractMostSignificantBits();
    }

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
        var mask = Vector512.Create(LimbMask);
        var borrow = Vector512<long>.Zero;
        for (var i = 0; i < Limbs; i++)
        {
            var d = Vector512.Create((long)P[i]) - Load(a, i).AsInt64() + borrow;
            Store(r, i, d.AsUInt64() & mask);
            borrow = Vector512.ShiftRightArithmetic(d, 56);
        }
    }

    /// <summary>Subtracts p from the lanes at or above p (values below 2p, limbs carried).</summary>
    private static void SubtractPIfAbove(ulong* r)
    {
        var mask = Vector512.Create(LimbMask);
        var borrow = Vector512<long>.Zero;
        var differences = stackalloc Vector512<ulong>[Limbs];
        for (var i = 0; i < Limbs; i++)
        {
            var d = Load(r, i).AsInt64() - Vector512.Create((long)P[i]) + borrow;
            differences[i] = d.AsUInt64() & mask;
            borrow = Vector512.ShiftRightArithmetic(d, 56);
        }

        var keep = borrow.AsUInt64();
        for (var i = 0; i < Limbs; i++)
        {
            Store(r, i, Vector512.ConditionalSelect(keep, Load(r, i), differences[i]));
        }
    }

    private static void Copy(ulong* source, ulong* destination)
    {
        for (var i = 0; i < Limbs; i++)
        {
            Store(destination, i, Load(source, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Load(ulong* batch, int row) => Vector512.LoadAligned(batch + (row * Width));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ulong* batch, int row, Vector512<ulong> value) => value.StoreAligned(batch + (row * Width));
}
