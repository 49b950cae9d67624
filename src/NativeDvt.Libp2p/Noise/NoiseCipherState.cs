using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NativeDvt.Libp2p.Noise;

/// <summary>Noise CipherState for ChaChaPoly: key k and 64-bit nonce n (Noise spec section 5.1).</summary>
internal sealed class NoiseCipherState : IDisposable
{
    public const int TagLength = 16;

    private ChaCha20Poly1305? _aead;
    private ulong _nonce;

    public bool HasKey => _aead is not null;

    public void InitializeKey(ReadOnlySpan<byte> key)
    {
        _aead?.Dispose();
        _aead = new ChaCha20Poly1305(key);
        _nonce = 0;
    }

    /// <summary>Encrypts into <paramref name="destination"/> (plaintext length + 16 with a key, else a copy); returns bytes written.</summary>
    public int EncryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (_aead is null)
        {
            plaintext.CopyTo(destination);
            return plaintext.Length;
        }

        Span<byte> nonce = stackalloc byte[12];
        NextNonce(nonce);
        _aead.Encrypt(nonce, plaintext, destination[..plaintext.Length], destination.Slice(plaintext.Length, TagLength), ad);
        return plaintext.Length + TagLength;
    }

    /// <summary>Decrypts into <paramref name="destination"/>; throws <see cref="NoiseException"/> on a bad tag.</summary>
    public int DecryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        if (_aead is null)
        {
            ciphertext.CopyTo(destination);
            return ciphertext.Length;
        }

        if (ciphertext.Length < TagLength)
        {
            throw new NoiseException($"ciphertext of {ciphertext.Length} bytes is shorter than the tag");
        }

        Span<byte> nonce = stackalloc byte[12];
        NextNonce(nonce);
        var length = ciphertext.Length - TagLength;
        try
        {
            _aead.Decrypt(nonce, ciphertext[..length], ciphertext[length..], destination[..length], ad);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new NoiseException("ChaChaPoly authentication failed", e);
        }

        return length;
    }

    public void Dispose() => _aead?.Dispose();

    private void NextNonce(Span<byte> nonce)
    {
        // 2^64-1 is reserved by the spec; a connection never gets near it, but must not wrap.
        if (_nonce == ulong.MaxValue)
        {
            throw new NoiseException("nonce exhausted");
        }

        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], _nonce++);
    }
}
