using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.HashToCurve;

/// <summary>RFC 9380 hash_to_curve for the suite BLS12381G2_XMD:SHA-256_SSWU_RO_.</summary>
internal static class HashToG2
{
    /// <summary>L = ceil((ceil(log2(p)) + k)/8) = 64 bytes per base-field element (k = 128).</summary>
    private const int ElementBytes = 64;

    /// <summary>hash_to_field(msg, 2) with m = 2: two GF(p^2) elements from 256 uniform bytes.</summary>
    public static (Fp2 U0, Fp2 U1) HashToField(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        Span<byte> uniform = stackalloc byte[4 * ElementBytes];
        ExpandMessageXmd.Expand(message, dst, uniform);
        var u0 = new Fp2(Fp.FromWideBytes(uniform[..64]), Fp.FromWideBytes(uniform[64..128]));
        var u1 = new Fp2(Fp.FromWideBytes(uniform[128..192]), Fp.FromWideBytes(uniform[192..]));
        return (u0, u1);
    }

    /// <summary>hash_to_curve: two field elements, two maps, their sum, then cofactor clearing.</summary>
    public static JacobianPoint<Fp2> Hash(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var (u0, u1) = HashToField(message, dst);
        var q0 = MapToG2.MapToCurve(u0);
        var q1 = MapToG2.MapToCurve(u1);
        return G2.ClearCofactor(JacobianPoint<Fp2>.Add(q0, q1));
    }
}
