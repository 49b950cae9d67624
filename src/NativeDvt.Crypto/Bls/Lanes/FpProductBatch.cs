using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// A list of independent base-field products (or sums of two products) computed eight at a time by
/// <see cref="FpLanes.Mul"/> (or <see cref="FpLanes.MulSum"/> for a group of eight holding a sum): a
/// caller adds operands (each addition returns the result's index), runs the batch once, then reads
/// the results. GF(p^2) products (Karatsuba: three base-field products, or fused: two sums of two
/// products) and squares (two products) are added and read back through their first index. The
/// buffer comes from the caller (stack memory); at most 64 results.
/// </summary>
internal unsafe ref struct FpProductBatch
{
    private const int MaxCapacity = 64;

    private readonly ulong* _a;
    private readonly ulong* _b;
    private readonly ulong* _c;
    private readonly ulong* _d;
    private readonly ulong* _r;
    private readonly int _capacity;
    private int _count;

    // Bit i: result i is a single product (its c, d operands are zeroed if its group holds a sum).
    private ulong _singles;

    // Bit g: group g of eight holds a sum of two products.
    private uint _sumGroups;

    /// <summary>Over a caller's buffer of at least <see cref="WordsFor"/>(capacity) words.</summary>
    public FpProductBatch(ulong* buffer, int capacity)
    {
        if (capacity > MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "FpProductBatch holds at most 64 results");
        }

        var batches = (capacity + FpLanes.Width - 1) / FpLanes.Width;
        _a = FpLanes.Align(buffer);
        _b = _a + (batches * FpLanes.BatchWords);
        _c = _b + (batches * FpLanes.BatchWords);
        _d = _c + (batches * FpLanes.BatchWords);
        _r = _d + (batches * FpLanes.BatchWords);
        _capacity = batches * FpLanes.Width;
        _count = 0;
        _singles = 0;
        _sumGroups = 0;
    }

    /// <summary>Buffer words for up to <paramref name="capacity"/> results (operands, results and alignment slack).</summary>
    public static int WordsFor(int capacity) => (((capacity + FpLanes.Width - 1) / FpLanes.Width) * 5 * FpLanes.BatchWords) + FpLanes.Width;

    /// <summary>
    /// Adds x·y and returns its index. Operands may be unreduced below 8p with limbs below 2^56
    /// (the lane kernel's result stays below 2p for those, then gets its one conditional subtraction).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(in Fp x, in Fp y)
    {
        var index = _count++;
        if (index >= _capacity)
        {
            throw new InvalidOperationException("FpProductBatch: more products than its capacity");
        }

        var offset = (index / FpLanes.Width) * FpLanes.BatchWords;
        FpLanes.Put(_a + offset, index % FpLanes.Width, x);
        FpLanes.Put(_b + offset, index % FpLanes.Width, y);
        _singles |= 1UL << index;
        return index;
    }

    /// <summary>Adds x·y + z·w and returns its index; operands as for <see cref="Add"/>.</summary>
    public int AddSum(in Fp x, in Fp y, in Fp z, in Fp w)
    {
        var index = _count++;
        if (index >= _capacity)
        {
            throw new InvalidOperationException("FpProductBatch: more products than its capacity");
        }

        var offset = (index / FpLanes.Width) * FpLanes.BatchWords;
        var lane = index % FpLanes.Width;
        FpLanes.Put(_a + offset, lane, x);
        FpLanes.Put(_b + offset, lane, y);
        FpLanes.Put(_c + offset, lane, z);
        FpLanes.Put(_d + offset, lane, w);
        _sumGroups |= 1u << (index / FpLanes.Width);
        return index;
    }

    /// <summary>
    /// Adds the GF(p^2) product x·y as two sums of products (x0 y0 + (p - x1) y1 and x0 y1 + x1 y0):
    /// two results instead of three, for stages short of lanes; x1 canonical, other components below 4p.
    /// </summary>
    public int AddFp2ProductFused(in Fp2 x, in Fp2 y)
    {
        var index = AddSum(x.C0, y.C0, Fp.NegUnreduced(x.C1), y.C1);
        AddSum(x.C0, y.C1, x.C1, y.C0);
        return index;
    }

    /// <summary>Adds the GF(p^2) product x·y (three base-field products: x0 y0, x1 y1, (x0 + x1)(y0 + y1)); components below 4p.</summary>
    public int AddFp2Product(in Fp2 x, in Fp2 y)
    {
        var index = Add(x.C0, y.C0);
        Add(x.C1, y.C1);
        Add(Fp.SumUnreduced(x.C0, x.C1), Fp.SumUnreduced(y.C0, y.C1));
        return index;
    }

    /// <summary>Adds the GF(p^2) square of a canonical x (two base-field products: (x0 + x1)(x0 - x1 + p) and 2 x0·x1).</summary>
    public int AddFp2Square(in Fp2 x)
    {
        var index = Add(Fp.SumUnreduced(x.C0, x.C1), Fp.DifferencePlusP(x.C0, x.C1));
        Add(Fp.SumUnreduced(x.C0, x.C0), x.C1);
        return index;
    }

    /// <summary>Computes every result added so far.</summary>
    public readonly void Run()
    {
        var groups = (_count + FpLanes.Width - 1) / FpLanes.Width;
        for (var group = 0; group < groups; group++)
        {
            var offset = group * FpLanes.BatchWords;
            var lanes = Math.Min(FpLanes.Width, _count - (group * FpLanes.Width));
            if (((_sumGroups >> group) & 1) == 0)
            {
                FpLanes.Mul(_a + offset, _b + offset, _r + offset, lanes);
                continue;
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                if (((_singles >> ((group * FpLanes.Width) + lane)) & 1) != 0)
                {
                    FpLanes.Put(_c + offset, lane, Fp.Zero);
                    FpLanes.Put(_d + offset, lane, Fp.Zero);
                }
            }

            FpLanes.MulSum(_a + offset, _b + offset, _c + offset, _d + offset, _r + offset, lanes);
        }
    }

    /// <summary>The product with the given index (canonical), after <see cref="Run"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Fp Get(int index) => FpLanes.Get(_r + ((index / FpLanes.Width) * FpLanes.BatchWords), index % FpLanes.Width);

    /// <summary>The GF(p^2) product added at <paramref name="index"/>: x0 y0 - x1 y1 + ((x0 + x1)(y0 + y1) - x0 y0 - x1 y1)·u.</summary>
    public readonly Fp2 GetFp2Product(int index)
    {
        var t0 = Get(index);
        var t1 = Get(index + 1);
        return new Fp2(Fp.Sub(t0, t1), Fp.SubSub(Get(index + 2), t0, t1));
    }

    /// <summary>The GF(p^2) product added at <paramref name="index"/> by <see cref="AddFp2ProductFused"/>.</summary>
    public readonly Fp2 GetFp2ProductFused(int index) => new(Get(index), Get(index + 1));

    /// <summary>The GF(p^2) square added at <paramref name="index"/>.</summary>
    public readonly Fp2 GetFp2Square(int index) => new(Get(index), Get(index + 1));
}
