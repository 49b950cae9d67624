using System.Numerics;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>Seeded random field elements, scalars and points for the unit tests.</summary>
internal static class BlsTestValues
{
    public static readonly BigInteger P = FieldConstants.P;

    public static readonly BigInteger R = FieldConstants.R;

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount() + 8];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    public static Fp RandomFp(Random random) => FieldConstants.ToFp(RandomBelow(random, P));

    public static Fp2 RandomFp2(Random random) => new(RandomFp(random), RandomFp(random));

    public static Fp6 RandomFp6(Random random) => new(RandomFp2(random), RandomFp2(random), RandomFp2(random));

    public static Fp12 RandomFp12(Random random) => new(RandomFp6(random), RandomFp6(random));

    public static BigInteger ToBigInteger(in Fp value) => new(value.ToBytes(), isUnsigned: true, isBigEndian: true);

    /// <summary>A 32-byte big-endian scalar in [1, r).</summary>
    public static byte[] ScalarBytes(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }

    public static ulong[] Limbs(BigInteger value) => FieldConstants.Limbs(value);

    public static Fp12 Pow(in Fp12 a, BigInteger exponent)
    {
        var result = Fp12.One;
        for (var bit = (int)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Fp12.Square(result);
            if (!((exponent >> bit) & 1).IsZero)
            {
                result = Fp12.Mul(result, a);
            }
        }

        return result;
    }
}
