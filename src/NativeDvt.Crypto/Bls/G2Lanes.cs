namespace NativeDvt.Crypto.Bls;

/// <summary>
/// G2 subgroup checks of up to eight points at once, one point per AVX-512 lane (<see cref="FpLaneOps"/>):
/// every lane runs the same double-and-add by the public |z| (63 Jacobian doublings, 5 mixed additions),
/// then each lane's [|z|]P is compared with -ψ(P) as in <see cref="G2.IsInSubgroup"/>. A lane that
/// meets an exceptional addition (P + P or P - P, possible only for points of small order outside G2)
/// is checked again with the scalar code. For public values (verification); only when
/// <see cref="FpLanes.IsSupported"/>.
/// </summary>
internal static unsafe class G2Lanes
{
    private const int Words = FpLaneOps.Fp2Words;

    /// <summary>results[i] = G2.IsInSubgroup(points[i]) for every i.</summary>
    public static void AreInSubgroup(ReadOnlySpan<AffinePoint<Fp2>> points, Span<bool> results)
    {
        for (var start = 0; start < points.Length; start += FpLanes.Width)
        {
            var count = Math.Min(FpLanes.Width, points.Length - start);
            CheckBatch(points.Slice(start, count), results.Slice(start, count));
        }
    }

    private static void CheckBatch(ReadOnlySpan<AffinePoint<Fp2>> points, Span<bool> results)
    {
        // x2, y2 (the affine input), X, Y, Z (the running point) and eight temporaries.
        const int slots = 13;
        var raw = stackalloc ulong[(slots * Words) + FpLanes.Width];
        var x2 = FpLanes.Align(raw);
        var y2 = x2 + Words;
        var x = y2 + Words;
        var y = x + Words;
        var z = y + Words;
        var t = z + Words;
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            // Spare lanes repeat the first point so that every lane computes on a valid point.
            var p = points[Math.Min(lane, points.Length - 1)];
            var px = p.IsInfinity ? G2.Generator.X : p.X;
            var py = p.IsInfinity ? G2.Generator.Y : p.Y;
            FpLaneOps.PutFp2(x2, lane, px);
            FpLaneOps.PutFp2(y2, lane, py);
            FpLaneOps.PutFp2(x, lane, px);
            FpLaneOps.PutFp2(y, lane, py);
            FpLaneOps.PutFp2(z, lane, Fp2.One);
        }

        var exceptional = 0u;
        for (var bit = 62 - System.Numerics.BitOperations.LeadingZeroCount(Pairing.AbsZ); bit >= 0; bit--)
        {
            Double(x, y, z, t);
            if (((Pairing.AbsZ >> bit) & 1) != 0)
            {
                exceptional |= AddMixed(x, y, z, x2, y2, t);
            }
        }

        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            if (p.IsInfinity || ((exceptional >> i) & 1) != 0)
            {
                results[i] = G2.IsInSubgroup(p);
                continue;
            }

            var zQ = JacobianPoint<Fp2>.Neg(new JacobianPoint<Fp2>(FpLaneOps.GetFp2(x, i), FpLaneOps.GetFp2(y, i), FpLaneOps.GetFp2(z, i)));
            results[i] = G2.Psi(p.ToJacobian()).Equals(zQ);
        }
    }

    /// <summary>dbl-2009-l in every lane (as <see cref="JacobianPoint{T}.Double"/>); t holds six temporaries.</summary>
    private static void Double(ulong* x, ulong* y, ulong* z, ulong* t)
    {
        var a = t;
        var b = a + Words;
        var c = b + Words;
        var d = c + Words;
        var e = d + Words;
        var f = e + Words;
        FpLaneOps.Fp2Mul(y, z, z);
        FpLaneOps.Fp2Add(z, z, z);
        FpLaneOps.Fp2Square(x, a);
        FpLaneOps.Fp2Square(y, b);
        FpLaneOps.Fp2Square(b, c);
        FpLaneOps.Fp2Add(x, b, d);
        FpLaneOps.Fp2Square(d, d);
        FpLaneOps.Fp2Sub(d, a, d);
        FpLaneOps.Fp2Sub(d, c, d);
        FpLaneOps.Fp2Add(d, d, d);
        FpLaneOps.Fp2Add(a, a, e);
        FpLaneOps.Fp2Add(e, a, e);
        FpLaneOps.Fp2Square(e, f);
        FpLaneOps.Fp2Add(d, d, x);
        FpLaneOps.Fp2Sub(f, x, x);
        FpLaneOps.Fp2Sub(d, x, d);
        FpLaneOps.Fp2Mul(e, d, y);
        FpLaneOps.Fp2Add(c, c, c);
        FpLaneOps.Fp2Add(c, c, c);
        FpLaneOps.Fp2Add(c, c, c);
        FpLaneOps.Fp2Sub(y, c, y);
    }

    /// <summary>
    /// madd-2007-bl in every lane (as <see cref="JacobianPoint{T}.AddMixed"/>); returns the lanes where the
    /// general formula does not apply (running point at infinity, or h = 0), whose results are void.
    /// </summary>
    private static uint AddMixed(ulong* x, ulong* y, ulong* z, ulong* x2, ulong* y2, ulong* t)
    {
        var z1z1 = t;
        var u2 = z1z1 + Words;
        var s2 = u2 + Words;
        var h = s2 + Words;
        var hh = h + Words;
        var i = hh + Words;
        var j = i + Words;
        var v = j + Words;
        var exceptional = FpLaneOps.Fp2ZeroLanes(z);
        FpLaneOps.Fp2Square(z, z1z1);
        FpLaneOps.Fp2Mul(x2, z1z1, u2);
        FpLaneOps.Fp2Mul(y2, z, s2);
        FpLaneOps.Fp2Mul(s2, z1z1, s2);
        FpLaneOps.Fp2Sub(u2, x, h);
        exceptional |= FpLaneOps.Fp2ZeroLanes(h);
        FpLaneOps.Fp2Square(h, hh);
        FpLaneOps.Fp2Add(hh, hh, i);
        FpLaneOps.Fp2Add(i, i, i);
        FpLaneOps.Fp2Mul(h, i, j);
        FpLaneOps.Fp2Mul(x, i, v);

        // r = 2(s2 - Y1), kept in s2.
        FpLaneOps.Fp2Sub(s2, y, s2);
        FpLaneOps.Fp2Add(s2, s2, s2);

        // Z3 = (Z1 + h)^2 - z1z1 - hh.
        FpLaneOps.Fp2Add(z, h, z);
        FpLaneOps.Fp2Square(z, z);
        FpLaneOps.Fp2Sub(z, z1z1, z);
        FpLaneOps.Fp2Sub(z, hh, z);

        // Y1·j doubled, kept in j (after X3 no longer needs j).
        FpLaneOps.Fp2Mul(y, j, u2);
        FpLaneOps.Fp2Add(u2, u2, u2);

        // X3 = r^2 - j - 2v.
        FpLaneOps.Fp2Square(s2, x);
        FpLaneOps.Fp2Sub(x, j, x);
        FpLaneOps.Fp2Sub(x, v, x);
        FpLaneOps.Fp2Sub(x, v, x);

        // Y3 = r(v - X3) - 2 Y1 j.
        FpLaneOps.Fp2Sub(v, x, v);
        FpLaneOps.Fp2Mul(s2, v, y);
        FpLaneOps.Fp2Sub(y, u2, y);
        return exceptional;
    }
}
