using System.Security.Cryptography;

namespace NativeDvt.Crypto.Insecure;

/// <summary>
/// INSECURE. NEVER USE ON THE DEVNET OR ANY NETWORK. ANYONE CAN FORGE ITS SIGNATURES.
/// A stand-in for large simulations that want to skip expensive cryptography: the public key is
/// SHA-256(secret key) and a signature is HMAC-SHA256 keyed by the public key over the message,
/// so whoever knows a public key can sign for it. Deterministic and fast (two hashes per call).
/// Hosts detect it through <see cref="IInsecureScheme.IsInsecure"/>.
/// </summary>
public sealed class InsecureFastScheme : IInsecureScheme
{
    /// <summary>Length of a secret key.</summary>
    public const int SecretKeyLength = 32;

    /// <summary>Length of a public key.</summary>
    public const int PublicKeyLength = 32;

    /// <summary>Length of a signature.</summary>
    public const int SignatureLength = 32;

    /// <inheritdoc />
    public string Name => "insecure-fast";

    /// <inheritdoc />
    public bool IsInsecure => true;

    /// <inheritdoc />
    public byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey)
    {
        RequireSecretKey(secretKey);
        return SHA256.HashData(secretKey);
    }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message)
    {
        RequireSecretKey(secretKey);
        Span<byte> publicKey = stackalloc byte[PublicKeyLength];
        SHA256.HashData(secretKey, publicKey);
        return HMACSHA256.HashData(publicKey, message);
    }

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureLength];
        HMACSHA256.HashData(publicKey, message, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    private static void RequireSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
        {
            throw new ArgumentException($"an insecure-fast secret key is {SecretKeyLength} bytes, got {secretKey.Length}", nameof(secretKey));
        }
    }
}
