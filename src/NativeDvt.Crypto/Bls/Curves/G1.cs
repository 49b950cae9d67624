using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// G1: the order-r subgroup of E(GF(p)): y^2 = x^3 + 4, where public keys live. ZCash compressed
/// serialization (48 bytes) and the endomorphism-based subgroup check.
/// </summary>
internal static class G1
{
    /// <summary>Compressed size: x with three flag bits in the top byte.</summary>
    public const int CompressedSize = 48;

    /// <summary>The curve constant b = 4.</summary>
    public static readonly Fp B = Fp.FromUInt64(4);

    /// <summary>The standard generator (from the BLS12-381 definition).</summary>
    public static readonly AffinePoint<Fp> Generator = new(
        FieldConstants.FpFromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        FieldConstants.FpFromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    /// <summary>
    /// β, the cube root of unity in GF(p) for which σ(x, y) = (βx, y) acts on G1 as multiplication
    /// by -z^2 (the other cube root gives z^2 - 1); picked at start-up by testing the generator.
    /// </summary>
    public static readonly Fp Beta = FindBeta();

    /// <summary>Scott's test (ePrint 2021/1130): P is in G1 iff σ(P) = [-z^2]P.</summary>
    public static bool IsInSubgroup(in AffinePoint<Fp> p)
    {
        if (p.IsInfinity)
        {
            return true;
        }

        var z2P = JacobianPoint<Fp>.MulVartime(JacobianPoint<Fp>.MulVartime(p, Pairing.AbsZ), Pairing.AbsZ);
        var sigmaNeg = new JacobianPoint<Fp>(Fp.Mul(Beta, p.X), Fp.Neg(p.Y), Fp.One);
        return z2P.Equals(sigmaNeg);
    }

    /// <summary>
    /// The index of the first point outside G1, or -1: eight points at a time in AVX-512 lanes when
    /// there are at least four and the lanes are available (<see cref="G1Lanes"/>), one by one otherwise.
    /// </summary>
    public static int FirstOutsideSubgroup(ReadOnlySpan<AffinePoint<Fp>> points) =>
        SubgroupBatches.FirstOutside(points, IsInSubgroup, G1Lanes.AreInSubgroup);

    /// <summary>
    /// Decodes a ZCash compressed point: the compression flag must be set, the infinity encoding
    /// must be exactly 0xc0 00..00, x must be canonical (below p) and x^3 + 4 a square. Does not
    /// check the subgroup.
    /// </summary>
    public static bool TryDecompress(ReadOnlySpan<byte> bytes, out AffinePoint<Fp> point)
    {
        point = AffinePoint<Fp>.Infinity;
        if (bytes.Length != CompressedSize || !SerializationFlags.TryRead(bytes, out var flags))
        {
            return false;
        }

        if (flags.Infinity)
        {
            return SerializationFlags.IsCanonicalInfinity(bytes);
        }

        Span<byte> xBytes = stackalloc byte[Fp.ByteLength];
        bytes.CopyTo(xBytes);
        xBytes[0] &= SerializationFlags.ValueMask;
        if (!Fp.TryFromBytes(xBytes, out var x))
        {
            return false;
        }

        var y2 = Fp.Add(Fp.Mul(Fp.Square(x), x), B);
        if (!Fp.TrySqrt(y2, out var y))
        {
            return false;
        }

        if (y.IsLexicographicallyLargest != flags.Sign)
        {
            y = Fp.Neg(y);
        }

        point = new AffinePoint<Fp>(x, y);
        return true;
    }

    public static byte[] Compress(in AffinePoint<Fp> p)
    {
        var bytes = new byte[CompressedSize];
        if (p.IsInfinity)
        {
            bytes[0] = SerializationFlags.CompressedInfinity;
            return bytes;
        }

        p.X.WriteBytes(bytes);
        bytes[0] |= SerializationFlags.Compressed;
        if (p.Y.IsLexicographicallyLargest)
        {
            bytes[0] |= SerializationFlags.SignBit;
        }

        return bytes;
    }

    private static Fp FindBeta()
    {
        // A primitive cube root of unity is g^((p-1)/3) for any non-cube g.
        var exponent = FieldConstants.Limbs((FieldConstants.P - 1) / 3);
        var candidate = Fp.Pow(Fp.FromUInt64(2), exponent);
        var g = Generator.ToJacobian();
        var target = JacobianPoint<Fp>.Neg(JacobianPoint<Fp>.MulVartime(JacobianPoint<Fp>.MulVartime(g, Pairing.AbsZ), Pairing.AbsZ));
        var sigma = new JacobianPoint<Fp>(Fp.Mul(candidate, Generator.X), Generator.Y, Fp.One);
        return sigma.Equals(target) ? candidate : Fp.Square(candidate);
    }
}
