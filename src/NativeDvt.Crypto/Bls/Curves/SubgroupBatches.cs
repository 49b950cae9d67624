using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// Subgroup checks of many points, shared by G1 and G2 (which differ only in their checks): eight points at a
/// time in lanes where a batch holds at least <see cref="MinLanes"/> points and the lanes exist, one by
/// one otherwise. For public values.
/// </summary>
internal static class SubgroupBatches
{
    /// <summary>
    /// Fewer points than this are checked one by one: a lane batch costs about as much as four scalar checks with
    /// AVX-512 and five with AVX2, whose two passes of four lanes run whatever the number of points (measured with
    /// bls-primitives: G2 70 µs per point in a full AVX2 batch against 136 µs scalar, G1 84 against 138).
    /// </summary>
    public static int MinLanes => Avx512Lanes.IsSupported ? 4 : 6;

    /// <summary>The scalar check of one point.</summary>
    public delegate bool PointCheck<T>(in AffinePoint<T> point)
        where T : struct, IFieldElement<T>;

    /// <summary>results[i] for points[i], for up to <see cref="FpLanes.Width"/> points.</summary>
    public delegate void LaneCheck<T>(ReadOnlySpan<AffinePoint<T>> points, Span<bool> results)
        where T : struct, IFieldElement<T>;

    /// <summary>results[i] = check(points[i]) for every i, batches of at least <see cref="MinLanes"/> in lanes.</summary>
    public static void Check<T>(ReadOnlySpan<AffinePoint<T>> points, Span<bool> results, PointCheck<T> scalar, LaneCheck<T> lanes)
        where T : struct, IFieldElement<T>
    {
        for (var start = 0; start < points.Length; start += FpLanes.Width)
        {
            var count = Math.Min(FpLanes.Width, points.Length - start);
            if (count < MinLanes)
            {
                for (var i = start; i < start + count; i++)
                {
                    results[i] = scalar(points[i]);
                }

                continue;
            }

            lanes(points.Slice(start, count), results.Slice(start, count));
        }
    }

    /// <summary>The index of the first point outside the subgroup, or -1.</summary>
    public static int FirstOutside<T>(ReadOnlySpan<AffinePoint<T>> points, PointCheck<T> scalar, LaneCheck<T> lanes)
        where T : struct, IFieldElement<T>
    {
        if (points.Length < MinLanes || !FpLanes.IsSupported)
        {
            for (var i = 0; i < points.Length; i++)
            {
                if (!scalar(points[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        Span<bool> inSubgroup = points.Length <= 64 ? stackalloc bool[points.Length] : new bool[points.Length];
        Check(points, inSubgroup, scalar, lanes);
        return inSubgroup.IndexOf(false);
    }
}
