using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// G2: the order-r subgroup of the twist E'(GF(p^2)): y^2 = x^3 + 4(1 + u), where signatures and
/// message hashes live. ZCash compressed serialization (96 bytes, x.c1 first), the untwist-Frobenius-
/// twist endomorphism ψ, the ψ-based subgroup check and cofactor clearing.
/// </summary>
internal static class G2
{
    /// <summary>Compressed size: x.c1 || x.c0 with three flag bits in the top byte.</summary>
    public const int CompressedSize = 96;

    /// <summary>The curve constant b' = 4(1 + u).</summary>
    public static readonly Fp2 B = new(Fp.FromUInt64(4), Fp.FromUInt64(4));

    /// <summary>The standard generator (from the BLS12-381 definition).</summary>
    public static readonly AffinePoint<Fp2> Generator = new(
        FieldConstants.Fp2FromHex(
            "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8",
            "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"),
        FieldConstants.Fp2FromHex(
            "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801",
            "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be"));

    /// <summary>ψ's x factor 1/(1 + u)^((p-1)/3) (RFC 9380 appendix G.3).</summary>
    private static readonly Fp2 PsiX = Fp2.Inverse(Fp2.Pow(FieldConstants.Xi, FieldConstants.Limbs((FieldConstants.P - 1) / 3)));

    /// <summary>ψ's y factor 1/(1 + u)^((p-1)/2) (RFC 9380 appendix G.3).</summary>
    private static readonly Fp2 PsiY = Fp2.Inverse(Fp2.Pow(FieldConstants.Xi, FieldConstants.Limbs((FieldConstants.P - 1) / 2)));

    /// <summary>ψ on Jacobian coordinates: conjugate X, Y, Z and scale X and Y.</summary>
    public static JacobianPoint<Fp2> Psi(in JacobianPoint<Fp2> p) =>
        new(Fp2.Mul(Fp2.Conjugate(p.X), PsiX), Fp2.Mul(Fp2.Conjugate(p.Y), PsiY), Fp2.Conjugate(p.Z));

    /// <summary>ψ on an affine point.</summary>
    public static AffinePoint<Fp2> Psi(in AffinePoint<Fp2> p) =>
        p.IsInfinity ? p : new(Fp2.Mul(Fp2.Conjugate(p.X), PsiX), Fp2.Mul(Fp2.Conjugate(p.Y), PsiY));

    /// <summary>
    /// [k]Q for Q in G2 and a secret 32-byte big-endian k &lt; r, in constant time: k is split into four
    /// 64-bit digits in base |z| (<see cref="ScalarDecomposition"/>), the sixteen subset sums of
    /// Q, -ψ(Q), ψ^2(Q), -ψ^3(Q) are tabulated, and 64 doublings each add one masked table entry.
    /// </summary>
    public static ProjectivePoint<Fp2> MulConstantTime(in AffinePoint<Fp2> q, ReadOnlySpan<byte> scalar)
    {
        Span<ulong> digits = stackalloc ulong[4];
        ScalarDecomposition.ToBaseAbsZ(scalar, digits);

        var q1 = AffinePoint<Fp2>.Neg(Psi(q));
        var q2 = Psi(Psi(q));
        var q3 = AffinePoint<Fp2>.Neg(Psi(q2));
        var table = new ProjectivePoint<Fp2>[16];
        table[0] = ProjectivePoint<Fp2>.Infinity;
        table[1] = ProjectivePoint<Fp2>.FromAffine(q);
        table[2] = ProjectivePoint<Fp2>.FromAffine(q1);
        table[4] = ProjectivePoint<Fp2>.FromAffine(q2);
        table[8] = ProjectivePoint<Fp2>.FromAffine(q3);
        for (var high = 2; high <= 8; high <<= 1)
        {
            for (var low = 1; low < high; low++)
            {
                table[high + low] = ProjectivePoint<Fp2>.Add(table[high], table[low]);
            }
        }

        var result = ProjectivePoint<Fp2>.Infinity;
        for (var bit = 63; bit >= 0; bit--)
        {
            result = ProjectivePoint<Fp2>.Double(result);
            var index = (uint)(((digits[0] >> bit) & 1) | (((digits[1] >> bit) & 1) << 1) | (((digits[2] >> bit) & 1) << 2) | (((digits[3] >> bit) & 1) << 3));
            result = ProjectivePoint<Fp2>.Add(result, ProjectivePoint<Fp2>.Lookup(table, index));
        }

        return result;
    }

    /// <summary>Scott's test (ePrint 2021/1130): Q is in G2 iff ψ(Q) = [z]Q.</summary>
    public static bool IsInSubgroup(in AffinePoint<Fp2> p)
    {
        if (p.IsInfinity)
        {
            return true;
        }

        var q = p.ToJacobian();
        var zQ = JacobianPoint<Fp2>.Neg(JacobianPoint<Fp2>.MulVartime(p, Pairing.AbsZ));
        return Psi(q).Equals(zQ);
    }

    /// <summary>
    /// The index of the first point outside G2, or -1: eight points at a time in AVX-512 lanes when
    /// there are at least four and the lanes are available (<see cref="G2Lanes"/>), one by one otherwise.
    /// </summary>
    public static int FirstOutsideSubgroup(ReadOnlySpan<AffinePoint<Fp2>> points) =>
        SubgroupBatches.FirstOutside(points, IsInSubgroup, G2Lanes.AreInSubgroup);

    /// <summary>h_eff·P by the Budroni-Pintore method (RFC 9380 appendix G.3).</summary>
    public static JacobianPoint<Fp2> ClearCofactor(in JacobianPoint<Fp2> p)
    {
        var t1 = MulByZ(p);
        var t2 = Psi(p);
        var t3 = Psi(Psi(JacobianPoint<Fp2>.Double(p)));
        t3 = JacobianPoint<Fp2>.Add(t3, JacobianPoint<Fp2>.Neg(t2));
        t2 = JacobianPoint<Fp2>.Add(t1, t2);
        t2 = MulByZ(t2);
        t3 = JacobianPoint<Fp2>.Add(t3, t2);
        t3 = JacobianPoint<Fp2>.Add(t3, JacobianPoint<Fp2>.Neg(t1));
        return JacobianPoint<Fp2>.Add(t3, JacobianPoint<Fp2>.Neg(p));
    }

    /// <summary>
    /// Decodes a ZCash compressed point (flags, canonical x.c1 and x.c0, on the curve); does not
    /// check the subgroup.
    /// </summary>
    public static bool TryDecompress(ReadOnlySpan<byte> bytes, out AffinePoint<Fp2> point)
    {
        point = AffinePoint<Fp2>.Infinity;
        if (bytes.Length != CompressedSize || !SerializationFlags.TryRead(bytes, out var flags))
        {
            return false;
        }

        if (flags.Infinity)
        {
            return SerializationFlags.IsCanonicalInfinity(bytes);
        }

        Span<byte> c1Bytes = stackalloc byte[Fp.ByteLength];
        bytes[..Fp.ByteLength].CopyTo(c1Bytes);
        c1Bytes[0] &= SerializationFlags.ValueMask;
        if (!Fp.TryFromBytes(c1Bytes, out var c1) || !Fp.TryFromBytes(bytes[Fp.ByteLength..], out var c0))
        {
            return false;
        }

        var x = new Fp2(c0, c1);
        var y2 = Fp2.Add(Fp2.Mul(Fp2.Square(x), x), B);
        if (!Fp2.TrySqrt(y2, out var y))
        {
            return false;
        }

        if (y.IsLexicographicallyLargest != flags.Sign)
        {
            y = Fp2.Neg(y);
        }

        point = new AffinePoint<Fp2>(x, y);
        return true;
    }

    public static byte[] Compress(in AffinePoint<Fp2> p)
    {
        var bytes = new byte[CompressedSize];
        if (p.IsInfinity)
        {
            bytes[0] = SerializationFlags.CompressedInfinity;
            return bytes;
        }

        p.X.C1.WriteBytes(bytes);
        p.X.C0.WriteBytes(bytes.AsSpan(Fp.ByteLength));
        bytes[0] |= SerializationFlags.Compressed;
        if (p.Y.IsLexicographicallyLargest)
        {
            bytes[0] |= SerializationFlags.SignBit;
        }

        return bytes;
    }

    /// <summary>[z]P for the (negative) BLS parameter z.</summary>
    private static JacobianPoint<Fp2> MulByZ(in JacobianPoint<Fp2> p) => JacobianPoint<Fp2>.Neg(JacobianPoint<Fp2>.MulVartime(p, Pairing.AbsZ));
}
