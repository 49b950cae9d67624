using System.Numerics;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Native;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>
/// The native x86-64 Montgomery product against the managed one and a BigInteger reference (raw Montgomery
/// representations: result = a·b·2^-392 mod p, canonical, limbs below 2^56). Skipped where the kernel does not run
/// (no BMI2/ADX, another system, or NDVT_BLS_NATIVE=0).
/// </summary>
[Trait("Category", "Unit")]
public sealed class FpNativeTests
{
    private static readonly BigInteger RInverse = BigInteger.ModPow(BigInteger.One << 392, P - 2, P);

    private readonly Random _random = new(392);

    [Fact]
    public void Kernel_RandomAndEdgeOperands_MatchesManagedProductAndReference()
    {
        Assert.SkipUnless(FpNative.IsEnabled, "the native kernel does not run here");
        var edges = new[]
        {
            BigInteger.Zero, BigInteger.One, P - 1, P - 2, (P - 1) / 2, Raw(Fp.One), (BigInteger.One << 380) + 12345,
            P - (BigInteger.One << 64), (BigInteger.One << 56) - 1, BigInteger.One << 56, (BigInteger.One << 336) - 1,
        };
        var values = edges.Concat(Enumerable.Range(0, 300).Select(_ => RandomBelow(_random, P))).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var a = values[i];
            var b = i < edges.Length * edges.Length ? edges[i % edges.Length] : values[(i * 7) % values.Length];
            foreach (var (x, y) in new[] { (a, b), (a, edges[i % edges.Length]), (a, a) })
            {
                var fx = FromRaw(x);
                var fy = FromRaw(y);
                var native = FpNative.Mul(fx, fy);
                Assert.Equal(Fp.MulManaged(fx, fy), native);
                AssertCanonical(x * y * RInverse % P, native);
                AssertCanonical(x * x * RInverse % P, FpNative.Square(fx));
            }
        }

        for (var i = 0; i < edges.Length * edges.Length; i++)
        {
            var fx = FromRaw(edges[i % edges.Length]);
            var fy = FromRaw(edges[i / edges.Length]);
            Assert.Equal(Fp.MulManaged(fx, fy), FpNative.Mul(fx, fy));
        }
    }

    [Fact]
    public void Kernel_UnreducedOperandsBelowTwoP_MatchesReference()
    {
        Assert.SkipUnless(FpNative.IsEnabled, "the native kernel does not run here");
        var edges = new[] { P - 1, P - 2, BigInteger.Zero, BigInteger.One, (BigInteger.One << 380) - 1 };
        for (var i = 0; i < 300; i++)
        {
            var x = i < 25 ? edges[i % 5] : RandomBelow(_random, P);
            var y = i < 25 ? edges[i / 5] : RandomBelow(_random, P);
            var z = RandomBelow(_random, P);
            // x + y and x - z + p as carried, unreduced limbs: below 2p.
            var sum = Fp.SumUnreduced(FromRaw(x), FromRaw(y));
            var difference = Fp.DifferencePlusP(FromRaw(x), FromRaw(z));
            Assert.Equal(x + y, Raw(sum));
            AssertCanonical((x + y) * (x - z + P) * RInverse % P, FpNative.Mul(sum, difference));
            AssertCanonical((x + y) * (x + y) * RInverse % P, FpNative.Mul(sum, sum));
            AssertCanonical((x + y) * (x + y) * RInverse % P, FpNative.Square(sum));
            Assert.Equal(Fp.MulManaged(sum, difference), FpNative.Mul(sum, difference));
        }

        // Just below 2^381 and 2p, the largest operands.
        foreach (var big in new[] { (BigInteger.One << 381) - 1, (2 * P) - 1 })
        {
            var y = RandomBelow(_random, P);
            AssertCanonical(big * y * RInverse % P, FpNative.Mul(FromRaw(big), FromRaw(y)));
            AssertCanonical(big * big * RInverse % P, FpNative.Mul(FromRaw(big), FromRaw(big)));
            AssertCanonical(big * big * RInverse % P, FpNative.Square(FromRaw(big)));
            Assert.Equal(Fp.MulManaged(FromRaw(big), FromRaw(y)), FpNative.Mul(FromRaw(big), FromRaw(y)));
        }
    }

    [Fact]
    public void SumKernel_RandomEdgeAndUnreducedOperands_MatchesManagedAndReference()
    {
        Assert.SkipUnless(FpNative.IsEnabled, "the native kernel does not run here");
        var edges = new[] { BigInteger.Zero, BigInteger.One, P - 1, Raw(Fp.One), (BigInteger.One << 380) + 1 };
        for (var i = 0; i < 400; i++)
        {
            var v = new BigInteger[4];
            for (var k = 0; k < 4; k++)
            {
                v[k] = i < 125 ? edges[(i / (k == 0 ? 1 : k * 5)) % 5] : RandomBelow(_random, P);
            }

            var f = v.Select(FromRaw).ToArray();
            var native = FpNative.MulSum(f[0], f[1], f[2], f[3]);
            Assert.Equal(Fp.MulSumManaged(f[0], f[1], f[2], f[3]), native);
            AssertCanonical(((v[0] * v[1]) + (v[2] * v[3])) * RInverse % P, native);

            // Operands below 2p, which the native sum also takes.
            var s0 = Fp.SumUnreduced(f[0], f[1]);
            var s1 = Fp.DifferencePlusP(f[2], f[3]);
            AssertCanonical(((v[0] + v[1]) * (v[2] - v[3] + P) * 2) * RInverse % P, FpNative.MulSum(s0, s1, s1, s0));
        }
    }

    [Fact]
    public void Fp2Kernels_RandomEdgeAndUnreducedCoordinates_MatchManagedAndReference()
    {
        Assert.SkipUnless(FpNative.IsEnabled, "the native kernel does not run here");
        var edges = new[] { BigInteger.Zero, BigInteger.One, P - 1, Raw(Fp.One), (BigInteger.One << 380) + 1 };
        for (var i = 0; i < 400; i++)
        {
            var v = new BigInteger[4];
            for (var k = 0; k < 4; k++)
            {
                v[k] = i < 125 ? edges[(i / (k == 0 ? 1 : k * 5)) % 5] : RandomBelow(_random, P);
            }

            var a = new Fp2(FromRaw(v[0]), FromRaw(v[1]));
            var b = new Fp2(FromRaw(v[2]), FromRaw(v[3]));
            var native = FpNative.MulFp2(a, b);
            Assert.Equal(Fp2.MulManaged(a, b), native);
            // (a0 + a1 u)(b0 + b1 u) with u^2 = -1, on raw Montgomery representations.
            AssertCanonical((((v[0] * v[2]) - (v[1] * v[3])) * RInverse % P + P) % P, native.C0);
            AssertCanonical(((v[0] * v[3]) + (v[1] * v[2])) * RInverse % P, native.C1);
            var square = FpNative.SquareFp2(a);
            Assert.Equal(Fp2.SquareManaged(a), square);
            AssertCanonical((((v[0] * v[0]) - (v[1] * v[1])) * RInverse % P + P) % P, square.C0);
            AssertCanonical(2 * v[0] * v[1] * RInverse % P, square.C1);

            // Coordinates below 2p (x + y, x - y + p, 2p - 1).
            var big = i % 2 == 0 ? (2 * P) - 1 : v[1] + v[3];
            var u = new Fp2(Fp.SumUnreduced(a.C0, b.C1), FromRaw(big));
            var w = new Fp2(Fp.DifferencePlusP(a.C1, b.C0), Fp.SumUnreduced(a.C1, b.C0));
            var u0 = v[0] + v[3];
            var w0 = v[1] - v[2] + P;
            var w1 = v[1] + v[2];
            var product = FpNative.MulFp2(u, w);
            AssertCanonical((((u0 * w0) - (big * w1)) * RInverse % P + P) % P, product.C0);
            AssertCanonical(((u0 * w1) + (big * w0)) * RInverse % P, product.C1);
            var uSquare = FpNative.SquareFp2(u);
            AssertCanonical((((u0 * u0) - (big * big)) * RInverse % P + P) % P, uSquare.C0);
            AssertCanonical(2 * u0 * big * RInverse % P, uSquare.C1);
        }
    }

    [Fact]
    public void Kernel_Images_ForBothCallingConventions_HoldTheCodeThenP()
    {
        var pBytes = BitConverter.GetBytes(0xB9FEFFFFFFFFAAABUL);
        foreach (var windows in new[] { false, true })
        {
            foreach (var shape in Enum.GetValues<FpNativeKernel.Shape>())
            {
                var image = FpNativeKernel.Emit(shape, windows);
                Assert.Equal(0, image.Length % 8);
                Assert.True(image.AsSpan().IndexOf(pBytes) > 0);
            }
        }
    }

    private static BigInteger Raw(in Fp value)
    {
        var limbs = new[] { value.L0, value.L1, value.L2, value.L3, value.L4, value.L5, value.L6 };
        var result = BigInteger.Zero;
        for (var k = 6; k >= 0; k--)
        {
            result = (result << 56) + limbs[k];
        }

        return result;
    }

    private static Fp FromRaw(BigInteger value)
    {
        var mask = (BigInteger.One << 56) - 1;
        var limbs = new ulong[7];
        for (var k = 0; k < 7; k++)
        {
            limbs[k] = (ulong)((value >> (56 * k)) & mask);
        }

        return new Fp(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5], limbs[6]);
    }

    private static void AssertCanonical(BigInteger expected, in Fp actual)
    {
        Assert.Equal(expected, Raw(actual));
        foreach (var limb in new[] { actual.L0, actual.L1, actual.L2, actual.L3, actual.L4, actual.L5, actual.L6 })
        {
            Assert.True(limb < 1UL << 56);
        }
    }
}
