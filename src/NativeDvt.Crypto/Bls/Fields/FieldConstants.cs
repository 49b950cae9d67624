using System.Numerics;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>
/// Curve and tower constants that are derived once at start-up from their definitions rather
/// than pasted as opaque hex (BigInteger is used here only, never on a hot path).
/// </summary>
internal static class FieldConstants
{
    /// <summary>The base-field modulus p.</summary>
    public static readonly BigInteger P = BigInteger.Parse("01a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", System.Globalization.NumberStyles.HexNumber);

    /// <summary>The prime order r of G1, G2 and GT.</summary>
    public static readonly BigInteger R = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    /// <summary>The sextic non-residue ξ = 1 + u.</summary>
    public static readonly Fp2 Xi = new(Fp.One, Fp.One);

    /// <summary>Frobenius coefficients γ_k = ξ^(k(p-1)/6), k = 0..5: (w^k)^p = γ_k·w^k with w^6 = ξ.</summary>
    public static readonly Fp2[] FrobeniusGamma = Enumerable.Range(0, 6).Select(k => Fp2.Pow(Xi, Limbs(k * (P - 1) / 6))).ToArray();

    /// <summary>Little-endian 64-bit limbs of a non-negative integer.</summary>
    public static ulong[] Limbs(BigInteger value)
    {
        var limbs = new List<ulong>();
        var mask = (BigInteger.One << 64) - 1;
        while (value > 0)
        {
            limbs.Add((ulong)(value & mask));
            value >>= 64;
        }

        return limbs.Count == 0 ? [0] : [.. limbs];
    }

    /// <summary>An element of GF(p) from an integer (reduced mod p).</summary>
    public static Fp ToFp(BigInteger value)
    {
        var v = ((value % P) + P) % P;
        var l = Limbs(v);
        Array.Resize(ref l, 6);
        return Fp.FromCanonical(l[0], l[1], l[2], l[3], l[4], l[5]);
    }

    /// <summary>An element of GF(p) from big-endian hex.</summary>
    public static Fp FpFromHex(string hex) => ToFp(BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber));

    /// <summary>An element of GF(p^2) from the big-endian hex of c0 and c1.</summary>
    public static Fp2 Fp2FromHex(string c0, string c1) => new(FpFromHex(c0), FpFromHex(c1));
}
