using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace NativeDvt.Crypto.Ed25519;

/// <summary>
/// Ed25519 (RFC 8032 section 5.1, pure variant, no context) over BouncyCastle: 32-byte secret seeds,
/// 32-byte public keys, 64-byte signatures. Verification rejects non-canonical S (S >= L).
/// </summary>
public sealed class Ed25519Scheme : ISignatureScheme
{
    /// <summary>Length of a secret seed.</summary>
    public const int SecretKeyLength = 32;

    /// <summary>Length of an encoded public key (a compressed Edwards point).</summary>
    public const int PublicKeyLength = 32;

    /// <summary>Length of a signature: R (32 bytes) then S (32 bytes, little-endian).</summary>
    public const int SignatureLength = 64;

    /// <inheritdoc />
    public string Name => "ed25519";

    /// <inheritdoc />
    public byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey)
    {
        RequireSecretKey(secretKey);
        var publicKey = new byte[PublicKeyLength];
        BcEd25519.GeneratePublicKey(secretKey.ToArray(), 0, publicKey, 0);
        return publicKey;
    }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message)
    {
        RequireSecretKey(secretKey);
        var signature = new byte[SignatureLength];
        BcEd25519.Sign(secretKey, message, signature);
        return signature;
    }

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        // BouncyCastle rejects bad encodings by returning false; the catch keeps the interface's
        // never-throw promise should a future version throw instead.
        try
        {
            return BcEd25519.Verify(signature, publicKey, message);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void RequireSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
        {
            throw new ArgumentException($"an Ed25519 secret key is {SecretKeyLength} bytes, got {secretKey.Length}", nameof(secretKey));
        }
    }
}
