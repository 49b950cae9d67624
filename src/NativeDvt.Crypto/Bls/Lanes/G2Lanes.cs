using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// G2 subgroup checks of up to eight points at once, one point per AVX-512 lane (<see cref="FpLaneOps"/>):
/// every lane runs the same double-and-add by the public |z| (63 Jacobian doublings, 5 mixed additions),
/// then each lane's [|z|]P is compared with -ψ(P) as in <see cref="G2.IsInSubgroup"/>. A lane that
/// meets an exceptional addition (P + P or P - P, possible only for points of small order outside G2)
/// is checked again with the scalar code. For public values (verification); only when
/// <see cref="FpLanes.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class G2Lanes
{
    /// <summary>results[i] = G2.IsInSubgroup(points[i]) for every i.</summary>
    public static void AreInSubgroup(ReadOnlySpan<AffinePoint<Fp2>> points, Span<bool> results) =>
        SubgroupBatches.Check(points, results, G2.IsInSubgroup, CheckBatch);

    private static void CheckBatch(ReadOnlySpan<AffinePoint<Fp2>> points, Span<bool> results)
    {
        var raw = stackalloc ulong[JacobianLanes<Fp2LaneField>.WorkspaceWords + FpLanes.Width];
        var workspace = FpLanes.Align(raw);
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            // Spare lanes (and infinity, checked by the scalar code) compute on a valid point.
            var p = points[Math.Min(lane, points.Length - 1)];
            var px = p.IsInfinity ? G2.Generator.X : p.X;
            var py = p.IsInfinity ? G2.Generator.Y : p.Y;
            FpLaneOps.PutFp2(JacobianLanes<Fp2LaneField>.BaseX(workspace), lane, px);
            FpLaneOps.PutFp2(JacobianLanes<Fp2LaneField>.BaseY(workspace), lane, py);
            FpLaneOps.PutFp2(JacobianLanes<Fp2LaneField>.X(workspace), lane, px);
            FpLaneOps.PutFp2(JacobianLanes<Fp2LaneField>.Y(workspace), lane, py);
            FpLaneOps.PutFp2(JacobianLanes<Fp2LaneField>.Z(workspace), lane, Fp2.One);
        }

        var exceptional = JacobianLanes<Fp2LaneField>.MulVartime(workspace, Pairing.AbsZ);
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            if (p.IsInfinity || ((exceptional >> i) & 1) != 0)
            {
                results[i] = G2.IsInSubgroup(p);
                continue;
            }

            var zQ = new JacobianPoint<Fp2>(
                FpLaneOps.GetFp2(JacobianLanes<Fp2LaneField>.X(workspace), i),
                FpLaneOps.GetFp2(JacobianLanes<Fp2LaneField>.Y(workspace), i),
                FpLaneOps.GetFp2(JacobianLanes<Fp2LaneField>.Z(workspace), i));
            results[i] = G2.Psi(p.ToJacobian()).Equals(JacobianPoint<Fp2>.Neg(zQ));
        }
    }
}
