using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace NativeDvt.Crypto.KeyDerivation;

/// <summary>
/// EIP-2333 BLS12-381 key derivation: a tree of secret keys from one seed, each child reached
/// through a Lamport public key of its parent (so the derivation stays quantum-resistant-ready).
/// Keys are integers in [1, r); BigInteger suffices as this runs once per key, not per signature.
/// </summary>
public static class Eip2333
{
    /// <summary>r, the order of the BLS12-381 subgroups: secret keys are reduced modulo it.</summary>
    public static readonly BigInteger CurveOrder = BigInteger.Parse("52435875175126190479447740508185965837690552500527637822603658699938581184513", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The shortest seed derive_master_SK accepts, in bytes.</summary>
    public const int MinimumSeedLength = 32;

    // L = ceil((3 * ceil(log2(r))) / 16) = 48 output bytes, so reduction mod r is close to uniform.
    private const int OkmLength = 48;

    // 255 Lamport chunks of 32 bytes each (K = 32 * 255).
    private const int LamportChunks = 255;
    private const int ChunkLength = 32;

    private static readonly byte[] KeyGenSalt = "BLS-SIG-KEYGEN-SALT-"u8.ToArray();

    /// <summary>derive_master_SK: the root secret key of a seed of at least 32 bytes.</summary>
    public static BigInteger DeriveMasterSK(ReadOnlySpan<byte> seed)
    {
        if (seed.Length < MinimumSeedLength)
        {
            throw new ArgumentException($"an EIP-2333 seed is at least {MinimumSeedLength} bytes, got {seed.Length}", nameof(seed));
        }

        return HkdfModR(seed);
    }

    /// <summary>derive_child_SK: the child at <paramref name="index"/> of a parent secret key.</summary>
    public static BigInteger DeriveChildSK(BigInteger parentSK, uint index) => HkdfModR(ParentSKToLamportPK(parentSK, index));

    /// <summary>
    /// parent_SK_to_lamport_PK: the compressed Lamport public key (32 bytes) built from the parent key
    /// and its bitwise complement, salted by the child index.
    /// </summary>
    public static byte[] ParentSKToLamportPK(BigInteger parentSK, uint index)
    {
        Span<byte> salt = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(salt, index);
        var ikm = I2OSP32(parentSK);
        var notIkm = new byte[ikm.Length];
        for (var i = 0; i < ikm.Length; i++)
        {
            notIkm[i] = (byte)~ikm[i];
        }

        var lamport0 = IkmToLamportSK(ikm, salt);
        var lamport1 = IkmToLamportSK(notIkm, salt);
        var lamportPublicKey = new byte[2 * LamportChunks * ChunkLength];
        for (var i = 0; i < LamportChunks; i++)
        {
            SHA256.HashData(lamport0.AsSpan(i * ChunkLength, ChunkLength), lamportPublicKey.AsSpan(i * ChunkLength, ChunkLength));
            SHA256.HashData(lamport1.AsSpan(i * ChunkLength, ChunkLength), lamportPublicKey.AsSpan((LamportChunks + i) * ChunkLength, ChunkLength));
        }

        CryptographicOperations.ZeroMemory(ikm);
        CryptographicOperations.ZeroMemory(notIkm);
        CryptographicOperations.ZeroMemory(lamport0);
        CryptographicOperations.ZeroMemory(lamport1);
        return SHA256.HashData(lamportPublicKey);
    }

    /// <summary>
    /// HKDF_mod_r: HKDF-SHA256 of IKM || 0x00 under a salt re-hashed until the result mod r is non-zero.
    /// </summary>
    public static BigInteger HkdfModR(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> keyInfo = default)
    {
        var input = new byte[ikm.Length + 1];
        ikm.CopyTo(input);
        var info = new byte[keyInfo.Length + 2];
        keyInfo.CopyTo(info);
        BinaryPrimitives.WriteUInt16BigEndian(info.AsSpan(keyInfo.Length), OkmLength);

        var salt = KeyGenSalt;
        var secretKey = BigInteger.Zero;
        while (secretKey.IsZero)
        {
            salt = SHA256.HashData(salt);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, input, salt);
            var okm = HKDF.Expand(HashAlgorithmName.SHA256, prk, OkmLength, info);
            secretKey = new BigInteger(okm, isUnsigned: true, isBigEndian: true) % CurveOrder;
            CryptographicOperations.ZeroMemory(prk);
            CryptographicOperations.ZeroMemory(okm);
        }

        CryptographicOperations.ZeroMemory(input);
        return secretKey;
    }

    /// <summary>I2OSP(SK, 32): a secret key as 32 big-endian bytes, the wire form BLS schemes take.</summary>
    public static byte[] I2OSP32(BigInteger secretKey)
    {
        if (secretKey.Sign < 0 || secretKey >= CurveOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(secretKey), "a secret key lies in [0, r)");
        }

        var bytes = new byte[32];
        secretKey.TryWriteBytes(bytes.AsSpan(32 - secretKey.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    // IKM_to_lamport_SK: 255 chunks of HKDF-Expand(HKDF-Extract(salt, IKM), "", 8160).
    private static byte[] IkmToLamportSK(byte[] ikm, ReadOnlySpan<byte> salt)
    {
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt.ToArray());
        var okm = HKDF.Expand(HashAlgorithmName.SHA256, prk, LamportChunks * ChunkLength);
        CryptographicOperations.ZeroMemory(prk);
        return okm;
    }
}
