using NativeDvt.Libp2p.Core.Multiformats;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;

namespace NativeDvt.Libp2p.Core.Identity;

/// <summary>
/// secp256k1 for libp2p keys: 33-byte compressed public keys, 32-byte private scalars, and
/// DER-encoded ECDSA signatures over the SHA-256 of the message (peer-ids spec).
/// </summary>
internal static class Secp256k1Curve
{
    private static readonly X9ECParameters Curve = ECNamedCurveTable.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve);
    private static readonly BigInteger HalfOrder = Curve.N.ShiftRight(1);

    public static ECPoint DecodePoint(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length is not (33 or 65))
        {
            throw new MultiformatException($"secp256k1 public key: {encoded.Length} bytes, expected 33 (compressed)");
        }

        try
        {
            var point = Curve.Curve.DecodePoint(encoded.ToArray());
            return point.IsInfinity ? throw new MultiformatException("secp256k1 public key: point at infinity") : point;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new MultiformatException("secp256k1 public key: not a point on the curve", e);
        }
    }

    public static BigInteger DecodeScalar(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != 32)
        {
            throw new MultiformatException($"secp256k1 private key: {encoded.Length} bytes, expected 32");
        }

        var d = new BigInteger(1, encoded.ToArray());
        return d.SignValue == 0 || d.CompareTo(Curve.N) >= 0
            ? throw new MultiformatException("secp256k1 private key: scalar out of range")
            : d;
    }

    public static byte[] PublicFromScalar(BigInteger d) => Curve.G.Multiply(d).Normalize().GetEncoded(true);

    public static byte[] NewScalar()
    {
        while (true)
        {
            var d = new BigInteger(1, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            if (d.SignValue > 0 && d.CompareTo(Curve.N) < 0)
            {
                return BigIntegers.AsUnsignedByteArray(32, d);
            }
        }
    }

    public static byte[] Sign(BigInteger d, ReadOnlySpan<byte> message)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var rs = signer.GenerateSignature(System.Security.Cryptography.SHA256.HashData(message));
        var s = rs[1].CompareTo(HalfOrder) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];
        return new DerSequence(new DerInteger(rs[0]), new DerInteger(s)).GetEncoded(Asn1Encodable.Der);
    }

    public static bool Verify(ECPoint q, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        BigInteger r;
        BigInteger s;
        if (signature.Length is < 8 or > 72)
        {
            return false;
        }

        try
        {
            var bytes = signature.ToArray();
            if (Asn1Object.FromByteArray(bytes) is not Asn1Sequence { Count: 2 } sequence
                || !sequence.GetEncoded(Asn1Encodable.Der).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }

            r = DerInteger.GetInstance(sequence[0]).PositiveValue;
            s = DerInteger.GetInstance(sequence[1]).PositiveValue;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            return false;
        }

        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(q, Domain));
        return verifier.VerifySignature(System.Security.Cryptography.SHA256.HashData(message), r, s);
    }
}
