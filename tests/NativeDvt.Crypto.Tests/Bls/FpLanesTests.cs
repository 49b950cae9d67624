using System.Numerics;
using NativeDvt.Crypto.Bls;
using static NativeDvt.Crypto.Tests.Bls.BlsTestValues;

namespace NativeDvt.Crypto.Tests.Bls;

[Trait("Category", "Unit")]
public sealed class FpLanesTests
{
    private readonly Random _random = new(392);

    private static readonly BigInteger[] Extremes = [BigInteger.Zero, BigInteger.One, P - 1, P - 2, (P - 1) / 2];

    [Fact]
    public unsafe void MulAndMulSum_RandomExtremeAndUnreducedOperands_MatchScalarAndBigInteger()
    {
        if (!FpLanes.IsSupported)
        {
            Assert.Skip("AVX-512F is not available on this machine");
        }

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

            FpLanes.Mul(a, b, product);
            FpLanes.MulSum(a, b, c, d, sum);
            for (var lane = 0; lane < FpLanes.Width; lane++)
            {
                var ab = values[0, lane] * values[1, lane];
                var cd = values[2, lane] * values[3, lane];
                Assert.Equal(ab % P, ToBigInteger(FpLanes.Get(product, lane)));
                Assert.Equal((ab + cd) % P, ToBigInteger(FpLanes.Get(sum, lane)));
                Assert.Equal(Fp.Mul(elements[0, lane], elements[1, lane]), FpLanes.Get(product, lane));
                Assert.Equal(
                    Fp.MulSum(elements[0, lane], elements[1, lane], elements[2, lane], elements[3, lane]),
                    FpLanes.Get(sum, lane));
            }
        }
    }

    /// <summary>Extremes in the first rounds, then random canonical values, every third one an unreduced sum below 2p.</summary>
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
        if ((round + operand + lane) % 3 != 0)
        {
            return (x, FieldConstants.ToFp(x));
        }

        var y = RandomBelow(_random, P);
        return (x + y, Fp.SumUnreduced(FieldConstants.ToFp(x), FieldConstants.ToFp(y)));
    }
}
