using System.Numerics;
using System.Runtime.Intrinsics;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Pairings;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class FpLanesTests
{
    private readonly Random _random = new(392);

    private static readonly BigInteger[] Extremes = [BigInteger.Zero, BigInteger.One, P - 1, P - 2, (P - 1) / 2];

    /// <summary>The vector implementations of the lane kernels; the portable one runs everywhere.</summary>
    public static TheoryData<string> Implementations => ["portable", "avx2", "avx512"];

    [Fact]
    public unsafe void MulAndMulSum_RandomExtremeAndUnreducedOperands_MatchScalarAndBigInteger()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        CheckProducts((a, b, c, d, terms, r, lanes) =>
        {
            if (terms == 1)
            {
                FpLanes.Mul(a, b, r, lanes);
            }
            else
            {
                FpLanes.MulSum(a, b, c, d, r, lanes);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public unsafe void Product_EachVectorImplementation_MatchesScalarAndBigInteger(string implementation)
    {
        CheckProducts(Kernel(implementation));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public unsafe void LaneOps_EachVectorImplementation_MatchScalarFp(string implementation)
    {
        var ops = Ops(implementation);
        var raw = stackalloc ulong[(3 * FpLanes.BatchWords) + FpLanes.Width];
        var a = FpLanes.Align(raw);
        var b = a + FpLanes.BatchWords;
        var r = b + FpLanes.BatchWords;
        var extremes = Extremes.Select(FieldConstants.ToFp).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var x = new Fp[FpLanes.Width];
            var y = new Fp[FpLanes.Width];
            for (var lane = 0; lane < FpLanes.Width; lane++)
            {
                x[lane] = round < 5 ? extremes[(round + lane) % extremes.Length] : RandomFp(_random);
                y[lane] = round < 5 ? extremes[(round + (2 * lane)) % extremes.Length] : RandomFp(_random);
                FpLanes.Put(a, lane, x[lane]);
                FpLanes.Put(b, lane, y[lane]);
            }

            ops.Add(a, b, r);
            AssertEachLane(r, lane => Fp.Add(x[lane], y[lane]));
            ops.Sub(a, b, r);
            AssertEachLane(r, lane => Fp.Sub(x[lane], y[lane]));
            ops.Sum(a, b, r);
            AssertEachLane(r, lane => Fp.SumUnreduced(x[lane], y[lane]));
            ops.DifferencePlusP(a, b, r);
            AssertEachLane(r, lane => Fp.DifferencePlusP(x[lane], y[lane]));
            ops.DifferencePlusP(a, null, r);
            AssertEachLane(r, lane => Fp.NegUnreduced(x[lane]));
            var zero = 0u;
            for (var lane = 0; lane < FpLanes.Width; lane++)
            {
                zero |= x[lane].IsZero ? 1u << lane : 0;
            }

            Assert.Equal(zero, ops.ZeroLanes(a));
        }
    }

    private static unsafe void AssertEachLane(ulong* r, Func<int, Fp> expected)
    {
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            Assert.Equal(expected(lane), FpLanes.Get(r, lane));
        }
    }

    private unsafe delegate void ProductKernel(ulong* a, ulong* b, ulong* c, ulong* d, int terms, ulong* r, int lanes);

    private unsafe delegate void LaneBinary(ulong* a, ulong* b, ulong* r);

    private unsafe delegate uint LaneTest(ulong* a);

    private sealed record LaneOps(LaneBinary Add, LaneBinary Sub, LaneBinary Sum, LaneBinary DifferencePlusP, LaneTest ZeroLanes);

    private static unsafe ProductKernel Kernel(string implementation) => implementation switch
    {
        "portable" => FpLanes.Product<PortableLanes, Vector512<ulong>>,
        "avx2" when Avx2Lanes.IsSupported => FpLanes.Product<Avx2Lanes, Vector256<ulong>>,
        "avx512" when Avx512Lanes.IsSupported => FpLanes.Product<Avx512Lanes, Vector512<ulong>>,
        _ => Unavailable<ProductKernel>(implementation),
    };

    private static LaneOps Ops(string implementation) => implementation switch
    {
        "portable" => OpsOf<PortableLanes, Vector512<ulong>>(),
        "avx2" when Avx2Lanes.IsSupported => OpsOf<Avx2Lanes, Vector256<ulong>>(),
        "avx512" when Avx512Lanes.IsSupported => OpsOf<Avx512Lanes, Vector512<ulong>>(),
        _ => Unavailable<LaneOps>(implementation),
    };

    private static unsafe LaneOps OpsOf<TLanes, TVec>()
        where TLanes : struct, ILaneVector<TVec>
        where TVec : unmanaged => new(
            FpLaneOps.Add<TLanes, TVec>,
            FpLaneOps.Sub<TLanes, TVec>,
            FpLaneOps.Sum<TLanes, TVec>,
            FpLaneOps.DifferencePlusP<TLanes, TVec>,
            FpLaneOps.ZeroLanes<TLanes, TVec>);

    private static T Unavailable<T>(string implementation)
    {
        Assert.Skip($"{implementation} is not available on this machine (the portable implementation runs the same kernels)");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Products and sums of products of random, extreme and unreduced operands in every lane against BigInteger and
    /// the scalar code; with every lane count from 1 to 8 (a pass narrower than eight lanes computes only what it needs).
    /// </summary>
    private unsafe void CheckProducts(ProductKernel kernel)
    {
        var batches = stackalloc ulong[FpLanes.BatchWords * 6];
        var a = batches;
        var b = a + FpLanes.BatchWords;
        var c = b + FpLanes.BatchWords;
        var d = c + FpLanes.BatchWords;
        var product = d + FpLanes.BatchWords;
        var sum = product + FpLanes.BatchWords;
        for (var round = 0; round < 60; round++)
        {
            var values = new BigInteger[4, FpLanes.Width];
            var elements = new Fp[4, FpLanes.Width];
            for (var operand = 0; operand < 4; operand++)
            {
                for (var lane = 0; lane < FpLanes.Width; lane++)
                {
                    (values[operand, lane], elements[operand, lane]) = Operand(round, operand, lane);
                }
            }

            for (var lane = 0; lane < FpLanes.Width; lane++)
            {
                FpLanes.Put(a, lane, elements[0, lane]);
                FpLanes.Put(b, lane, elements[1, lane]);
                FpLanes.Put(c, lane, elements[2, lane]);
                FpLanes.Put(d, lane, elements[3, lane]);
            }

            var lanes = (round % FpLanes.Width) + 1;
            kernel(a, b, null, null, 1, product, lanes);
            kernel(a, b, c, d, 2, sum, lanes);
            for (var lane = 0; lane < lanes; lane++)
            {
                var ab = values[0, lane] * values[1, lane];
                var cd = values[2, lane] * values[3, lane];
                Assert.Equal(ab % P, ToBigInteger(FpLanes.Get(product, lane)));
                Assert.Equal((ab + cd) % P, ToBigInteger(FpLanes.Get(sum, lane)));
                if (values[0, lane] < 2 * P && values[1, lane] < 2 * P && values[2, lane] < 2 * P && values[3, lane] < 2 * P)
                {
                    // The scalar product takes operands below 2p only.
                    Assert.Equal(Fp.Mul(elements[0, lane], elements[1, lane]), FpLanes.Get(product, lane));
                    Assert.Equal(
                        Fp.MulSum(elements[0, lane], elements[1, lane], elements[2, lane], elements[3, lane]),
                        FpLanes.Get(sum, lane));
                }
            }
        }
    }

    [Fact]
    public void Fp12Lanes_RandomAndExtremeElements_MatchScalarPaths()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        var pMinusOne = FieldConstants.ToFp(P - 1);
        var extreme = new Fp12(
            new Fp6(new Fp2(pMinusOne, pMinusOne), new Fp2(Fp.Zero, pMinusOne), new Fp2(pMinusOne, Fp.One)),
            new Fp6(new Fp2(pMinusOne, Fp.Zero), new Fp2(pMinusOne, pMinusOne), new Fp2(Fp.One, pMinusOne)));
        for (var i = 0; i < 20; i++)
        {
            var a = i == 0 ? extreme : RandomFp12(_random);
            var b = i == 1 ? extreme : RandomFp12(_random);
            var l0 = i == 2 ? extreme.C0.C0 : RandomFp2(_random);
            var l1 = i == 2 ? extreme.C1.C1 : RandomFp2(_random);
            var l4 = i == 2 ? extreme.C0.C2 : RandomFp2(_random);
            Assert.Equal(Fp12.MulScalar(a, b), Fp12Lanes.Mul(a, b));
            Assert.Equal(Fp12.SquareScalar(a), Fp12Lanes.Square(a));
            Assert.Equal(Fp12.MulByLineScalar(a, l0, l1, l4), Fp12Lanes.MulByLine(a, l0, l1, l4));
            var (m0, m1, m4) = (RandomFp2(_random), RandomFp2(_random), RandomFp2(_random));
            var line = new Fp12(new Fp6(l0, l1, Fp2.Zero), new Fp6(Fp2.Zero, l4, Fp2.Zero));
            Assert.Equal(Fp12.MulByLineScalar(line, m0, m1, m4), Fp12Lanes.LineProduct(l0, l1, l4, m0, m1, m4));
            Assert.Equal(Fp12.CyclotomicSquareScalar(a), Fp12Lanes.CyclotomicSquare(a));
            var (g2, g3, g4, g5) = (a.C1.C0, a.C0.C2, a.C0.C1, a.C1.C2);
            var (h2, h3, h4, h5) = (g2, g3, g4, g5);
            CompressedCyclotomic.SquareScalar(ref g2, ref g3, ref g4, ref g5);
            Fp12Lanes.CompressedSquare(ref h2, ref h3, ref h4, ref h5);
            Assert.Equal((g2, g3, g4, g5), (h2, h3, h4, h5));
        }
    }

    [Fact]
    public unsafe void FpLaneOps_RandomAndExtremeElements_MatchScalarFp2Arithmetic()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        var raw = stackalloc ulong[(3 * FpLaneOps.Fp2Words) + FpLanes.Width];
        var a = FpLanes.Align(raw);
        var b = a + FpLaneOps.Fp2Words;
        var r = b + FpLaneOps.Fp2Words;
        var extremes = Extremes.Select(FieldConstants.ToFp).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var x = new Fp2[FpLanes.Width];
            var y = new Fp2[FpLanes.Width];
            for (var lane = 0; lane < FpLanes.Width; lane++)
            {
                x[lane] = round < 5
                    ? new Fp2(extremes[(round + lane) % extremes.Length], extremes[(round + (2 * lane)) % extremes.Length])
                    : RandomFp2(_random);
                y[lane] = round < 5 ? new Fp2(extremes[lane % extremes.Length], extremes[round]) : RandomFp2(_random);
                FpLaneOps.PutFp2(a, lane, x[lane]);
                FpLaneOps.PutFp2(b, lane, y[lane]);
            }

            AssertLanes(r, x, y, (p, q) => Fp2.Add(p, q), () => FpLaneOps.Fp2Add(a, b, r));
            AssertLanes(r, x, y, (p, q) => Fp2.Sub(p, q), () => FpLaneOps.Fp2Sub(a, b, r));
            AssertLanes(r, x, y, (p, q) => Fp2.Mul(p, q), () => FpLaneOps.Fp2Mul(a, b, r));
            AssertLanes(r, x, y, (p, _) => Fp2.Square(p), () => FpLaneOps.Fp2Square(a, r));
            var zeros = FpLaneOps.Fp2ZeroLanes(a);
            for (var lane = 0; lane < FpLanes.Width; lane++)
            {
                Assert.Equal(x[lane].IsZero, ((zeros >> lane) & 1) != 0);
            }
        }
    }

    [Fact]
    public void G2Lanes_ValidOutsideAndInfinityPoints_MatchScalarSubgroupCheck()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        var points = new List<AffinePoint<Fp2>>();
        for (ulong k = 1; points.Count < 6; k++)
        {
            var x = new Fp2(Fp.FromUInt64(k), Fp.One);
            if (Fp2.TrySqrt(Fp2.Add(Fp2.Mul(Fp2.Square(x), x), G2.B), out var y))
            {
                points.Add(new AffinePoint<Fp2>(x, y));
            }
        }

        for (ulong k = 1; k <= 12; k++)
        {
            points.Add(JacobianPoint<Fp2>.MulVartime(G2.Generator, k * 0x9E3779B97F4A7C15).ToAffine());
        }

        points.Add(AffinePoint<Fp2>.Infinity);
        points.Add(G2.ClearCofactor(points[0].ToJacobian()).ToAffine());
        var shuffled = points.OrderBy(_ => _random.Next()).ToArray();
        var results = new bool[shuffled.Length];
        G2Lanes.AreInSubgroup(shuffled, results);
        for (var i = 0; i < shuffled.Length; i++)
        {
            Assert.Equal(G2.IsInSubgroup(shuffled[i]), results[i]);
        }

        Assert.Equal(Array.FindIndex(results, ok => !ok), G2.FirstOutsideSubgroup(shuffled));
        Assert.Equal(6, results.Count(ok => !ok));
    }

    [Fact]
    public void G1Lanes_ValidOutsideAndInfinityPoints_MatchScalarSubgroupCheck()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        var points = new List<AffinePoint<Fp>>();
        for (ulong k = 1; points.Count < 5; k++)
        {
            var x = Fp.FromUInt64(k);
            if (Fp.TrySqrt(Fp.Add(Fp.Mul(Fp.Square(x), x), G1.B), out var y))
            {
                points.Add(new AffinePoint<Fp>(x, y));
            }
        }

        for (ulong k = 1; k <= 12; k++)
        {
            points.Add(JacobianPoint<Fp>.MulVartime(G1.Generator, k * 0x9E3779B97F4A7C15).ToAffine());
        }

        points.Add(AffinePoint<Fp>.Infinity);
        var shuffled = points.OrderBy(_ => _random.Next()).ToArray();
        var results = new bool[shuffled.Length];
        G1Lanes.AreInSubgroup(shuffled, results);
        for (var i = 0; i < shuffled.Length; i++)
        {
            Assert.Equal(G1.IsInSubgroup(shuffled[i]), results[i]);
        }

        Assert.Equal(Array.FindIndex(results, ok => !ok), G1.FirstOutsideSubgroup(shuffled));
        Assert.Equal(5, results.Count(ok => !ok));
    }

    [Fact]
    public void G2Batched_RandomInfinityAndEqualPoints_MatchScalarFormulas()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        var points = new List<ProjectivePoint<Fp2>> { ProjectivePoint<Fp2>.Infinity };
        for (ulong k = 1; k <= 6; k++)
        {
            var affine = JacobianPoint<Fp2>.MulVartime(G2.Generator, k * 0x9E3779B97F4A7C15).ToAffine();
            var z = RandomFp2(_random);
            points.Add(new ProjectivePoint<Fp2>(Fp2.Mul(affine.X, z), Fp2.Mul(affine.Y, z), z));
        }

        points.Add(ProjectivePoint<Fp2>.FromAffine(AffinePoint<Fp2>.Neg(JacobianPoint<Fp2>.MulVartime(G2.Generator, 0x9E3779B97F4A7C15).ToAffine())));
        foreach (var p in points)
        {
            foreach (var q in points)
            {
                var expected = ProjectivePoint<Fp2>.AddScalar(p, q);
                var actual = G2Batched.Add(p, q);
                Assert.Equal((expected.X, expected.Y, expected.Z), (actual.X, actual.Y, actual.Z));
            }

            var projectiveDoubled = G2Batched.Double(p);
            var projectiveReference = ProjectivePoint<Fp2>.DoubleScalar(p);
            Assert.Equal((projectiveReference.X, projectiveReference.Y, projectiveReference.Z), (projectiveDoubled.X, projectiveDoubled.Y, projectiveDoubled.Z));
            var jacobian = new JacobianPoint<Fp2>(RandomFp2(_random), p.Y, p.Z);
            var doubled = G2Batched.Double(jacobian);
            var reference = JacobianPoint<Fp2>.DoubleScalar(jacobian);
            Assert.Equal((reference.X, reference.Y, reference.Z), (doubled.X, doubled.Y, doubled.Z));
            var staged = G2Batched.DoubleInPassesOfFour(jacobian);
            Assert.Equal((reference.X, reference.Y, reference.Z), (staged.X, staged.Y, staged.Z));
        }
    }

    [Fact]
    public void G1Batched_RandomExtremeAndInfinityPoints_MatchScalarDoubling()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        var pMinusOne = FieldConstants.ToFp(P - 1);
        var points = new List<JacobianPoint<Fp>>
        {
            JacobianPoint<Fp>.Infinity,
            new(pMinusOne, pMinusOne, pMinusOne),
            new(Fp.Zero, pMinusOne, Fp.One),
        };
        for (var i = 0; i < 20; i++)
        {
            points.Add(new JacobianPoint<Fp>(RandomFp(_random), RandomFp(_random), RandomFp(_random)));
        }

        foreach (var p in points)
        {
            var expected = JacobianPoint<Fp>.DoubleScalar(p);
            var actual = G1Batched.Double(p);
            Assert.Equal((expected.X, expected.Y, expected.Z), (actual.X, actual.Y, actual.Z));
        }
    }

    [Fact]
    public void MillerDoublingLanes_SevenRandomSteps_MatchScalarDoublingStep()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("neither AVX-512F nor AVX2 is available on this machine");
        }

        const int count = 7;
        var ts = new ProjectivePoint<Fp2>[count];
        var ps = new AffinePoint<Fp>[count];
        for (var k = 0; k < count; k++)
        {
            ts[k] = new ProjectivePoint<Fp2>(RandomFp2(_random), RandomFp2(_random), RandomFp2(_random));
            ps[k] = new AffinePoint<Fp>(RandomFp(_random), RandomFp(_random));
        }

        var expected = new List<(ProjectivePoint<Fp2> T, Fp2 L0, Fp2 L1, Fp2 L4)>();
        for (var k = 0; k < count; k++)
        {
            var t = Pairing.DoublingStep(ts[k], ps[k], out var l0, out var l1, out var l4);
            expected.Add((t, l0, l1, l4));
        }

        var lines = new Fp2[3 * count];
        MillerDoublingLanes.Steps(ts, ps, lines);
        for (var k = 0; k < count; k++)
        {
            Assert.Equal((expected[k].T.X, expected[k].T.Y, expected[k].T.Z), (ts[k].X, ts[k].Y, ts[k].Z));
            Assert.Equal((expected[k].L0, expected[k].L1, expected[k].L4), (lines[3 * k], lines[(3 * k) + 1], lines[(3 * k) + 2]));
        }
    }

    private static unsafe void AssertLanes(ulong* r, Fp2[] x, Fp2[] y, Func<Fp2, Fp2, Fp2> expected, Action run)
    {
        run();
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            Assert.Equal(expected(x[lane], y[lane]), FpLaneOps.GetFp2(r, lane));
        }
    }

    /// <summary>Extremes in the first rounds, then random canonical values, unreduced sums below 2p and sums of seven values (below 8p).</summary>
    private (BigInteger Value, Fp Element) Operand(int round, int operand, int lane)
    {
        if (round < 10)
        {
            var value = Extremes[(round + operand + lane) % Extremes.Length];
            return round % 2 == 0
                ? (value, FieldConstants.ToFp(value))
                : (2 * value, Fp.SumUnreduced(FieldConstants.ToFp(value), FieldConstants.ToFp(value)));
        }

        var x = RandomBelow(_random, P);
        if ((round + operand + lane) % 5 == 1)
        {
            // Seven canonical values summed: unreduced below 8p, the largest operand the lane kernel takes.
            var value = x;
            var element = FieldConstants.ToFp(x);
            for (var i = 0; i < 6; i++)
            {
                var term = RandomBelow(_random, P);
                value += term;
                element = Fp.SumUnreduced(element, FieldConstants.ToFp(term));
            }

            return (value, element);
        }

        if ((round + operand + lane) % 3 != 0)
        {
            return (x, FieldConstants.ToFp(x));
        }

        var y = RandomBelow(_random, P);
        return (x + y, Fp.SumUnreduced(FieldConstants.ToFp(x), FieldConstants.ToFp(y)));
    }
}
