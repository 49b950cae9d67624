using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace NativeDvt.Libp2p.Noise;

/// <summary>A Curve25519 key pair and the Noise DH function over it.</summary>
internal sealed class X25519KeyPair
{
    public const int KeyLength = 32;

    private X25519KeyPair(byte[] privateKey, byte[] publicKey)
    {
        PrivateKey = privateKey;
        PublicKey = publicKey;
    }

    public byte[] PrivateKey { get; }

    public byte[] PublicKey { get; }

    public static X25519KeyPair Generate() => FromPrivateKey(RandomNumberGenerator.GetBytes(KeyLength));

    public static X25519KeyPair FromPrivateKey(byte[] privateKey)
    {
        var publicKey = new byte[KeyLength];
        X25519.ScalarMultBase(privateKey, 0, publicKey, 0);
        return new X25519KeyPair(privateKey, publicKey);
    }

    /// <summary>DH(self, remote); rejects low-order remote keys whose shared secret is all zero.</summary>
    public byte[] Dh(byte[] remotePublicKey)
    {
        var shared = new byte[KeyLength];
        return X25519.CalculateAgreement(PrivateKey, 0, remotePublicKey, 0, shared, 0)
            ? shared
            : throw new NoiseException("X25519: remote public key has low order");
    }
}
