using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// G1 subgroup checks of up to eight points at once, one point per AVX-512 lane: [z^2]P as two
/// double-and-adds by the public |z| in lanes (<see cref="JacobianLanes{T}"/>), the intermediate
/// [|z|]P normalised to affine for all lanes with one inversion, then each lane compared with σ(P)
/// as in <see cref="G1.IsInSubgroup"/>. Lanes meeting an exceptional addition are checked again with
/// the scalar code. For public values; only when <see cref="FpLanes.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class G1Lanes
{
    /// <summary>results[i] = G1.IsInSubgroup(points[i]) for every i.</summary>
    public static void AreInSubgroup(ReadOnlySpan<AffinePoint<Fp>> points, Span<bool> results) =>
        SubgroupBatches.Check(points, results, G1.IsInSubgroup, CheckBatch);

    private static void CheckBatch(ReadOnlySpan<AffinePoint<Fp>> points, Span<bool> results)
    {
        var raw = stackalloc ulong[JacobianLanes<FpLaneField>.WorkspaceWords + FpLanes.Width];
        var workspace = FpLanes.Align(raw);
        Span<AffinePoint<Fp>> bases = stackalloc AffinePoint<Fp>[FpLanes.Width];
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            // Spare lanes (and infinity, checked by the scalar code) compute on a valid point.
            var p = points[Math.Min(lane, points.Length - 1)];
            bases[lane] = p.IsInfinity ? G1.Generator : p;
        }

        var exceptional = MulByAbsZ(workspace, bases);
        Span<JacobianPoint<Fp>> zP = stackalloc JacobianPoint<Fp>[FpLanes.Width];
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            zP[lane] = new JacobianPoint<Fp>(
                FpLanes.Get(JacobianLanes<FpLaneField>.X(workspace), lane),
                FpLanes.Get(JacobianLanes<FpLaneField>.Y(workspace), lane),
                FpLanes.Get(JacobianLanes<FpLaneField>.Z(workspace), lane));
        }

        JacobianPoint<Fp>.BatchToAffine(zP, bases);
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            if (bases[lane].IsInfinity)
            {
                exceptional |= 1u << lane;
                bases[lane] = G1.Generator;
            }
        }

        exceptional |= MulByAbsZ(workspace, bases);
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            if (p.IsInfinity || ((exceptional >> i) & 1) != 0)
            {
                results[i] = G1.IsInSubgroup(p);
                continue;
            }

            var z2P = new JacobianPoint<Fp>(
                FpLanes.Get(JacobianLanes<FpLaneField>.X(workspace), i),
                FpLanes.Get(JacobianLanes<FpLaneField>.Y(workspace), i),
                FpLanes.Get(JacobianLanes<FpLaneField>.Z(workspace), i));
            results[i] = z2P.Equals(new JacobianPoint<Fp>(Fp.Mul(G1.Beta, p.X), Fp.Neg(p.Y), Fp.One));
        }
    }

    /// <summary>[|z|]B for the eight affine bases, left in the workspace's running point; returns the exceptional lanes.</summary>
    private static uint MulByAbsZ(ulong* workspace, ReadOnlySpan<AffinePoint<Fp>> bases)
    {
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            FpLanes.Put(JacobianLanes<FpLaneField>.BaseX(workspace), lane, bases[lane].X);
            FpLanes.Put(JacobianLanes<FpLaneField>.BaseY(workspace), lane, bases[lane].Y);
            FpLanes.Put(JacobianLanes<FpLaneField>.X(workspace), lane, bases[lane].X);
            FpLanes.Put(JacobianLanes<FpLaneField>.Y(workspace), lane, bases[lane].Y);
            FpLanes.Put(JacobianLanes<FpLaneField>.Z(workspace), lane, Fp.One);
        }

        return JacobianLanes<FpLaneField>.MulVartime(workspace, Pairing.AbsZ);
    }
}
