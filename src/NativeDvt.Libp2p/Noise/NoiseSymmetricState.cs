using System.Security.Cryptography;
using System.Text;

namespace NativeDvt.Libp2p.Noise;

/// <summary>Noise SymmetricState with SHA-256 (Noise spec section 5.2).</summary>
internal sealed class NoiseSymmetricState : IDisposable
{
    private const int HashLength = 32;

    private readonly NoiseCipherState _cipher = new();
    private byte[] _chainingKey;
    private byte[] _hash;

    public NoiseSymmetricState(string protocolName)
    {
        var name = Encoding.ASCII.GetBytes(protocolName);
        _hash = new byte[HashLength];
        if (name.Length <= HashLength)
        {
            name.CopyTo(_hash, 0);
        }
        else
        {
            _hash = SHA256.HashData(name);
        }

        _chainingKey = (byte[])_hash.Clone();
    }

    public bool HasKey => _cipher.HasKey;

    /// <summary>The handshake hash h, for channel binding and test vectors.</summary>
    public byte[] HandshakeHash => (byte[])_hash.Clone();

    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        var (ck, k, _) = Hkdf(inputKeyMaterial, 2);
        _chainingKey = ck;
        _cipher.InitializeKey(k);
    }

    public void MixHash(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(_hash);
        sha.AppendData(data);
        _hash = sha.GetHashAndReset();
    }

    public void MixKeyAndHash(ReadOnlySpan<byte> inputKeyMaterial)
    {
        var (ck, tempHash, k) = Hkdf(inputKeyMaterial, 3);
        _chainingKey = ck;
        MixHash(tempHash);
        _cipher.InitializeKey(k!);
    }

    public byte[] EncryptAndHash(ReadOnlySpan<byte> plaintext)
    {
        var ciphertext = new byte[plaintext.Length + (HasKey ? NoiseCipherState.TagLength : 0)];
        _cipher.EncryptWithAd(_hash, plaintext, ciphertext);
        MixHash(ciphertext);
        return ciphertext;
    }

    public byte[] DecryptAndHash(ReadOnlySpan<byte> ciphertext)
    {
        var plaintext = new byte[Math.Max(0, ciphertext.Length - (HasKey ? NoiseCipherState.TagLength : 0))];
        _cipher.DecryptWithAd(_hash, ciphertext, plaintext);
        MixHash(ciphertext);
        return plaintext;
    }

    /// <summary>The two transport CipherStates: initiator-to-responder first.</summary>
    public (NoiseCipherState First, NoiseCipherState Second) Split()
    {
        var (k1, k2, _) = Hkdf([], 2);
        var first = new NoiseCipherState();
        first.InitializeKey(k1);
        var second = new NoiseCipherState();
        second.InitializeKey(k2);
        return (first, second);
    }

    public void Dispose() => _cipher.Dispose();

    private (byte[] Out1, byte[] Out2, byte[]? Out3) Hkdf(ReadOnlySpan<byte> inputKeyMaterial, int outputs)
    {
        var tempKey = HMACSHA256.HashData(_chainingKey, inputKeyMaterial);
        var out1 = HMACSHA256.HashData(tempKey, new byte[] { 0x01 });
        var out2 = HMACSHA256.HashData(tempKey, (byte[])[.. out1, 0x02]);
        var out3 = outputs == 3 ? HMACSHA256.HashData(tempKey, (byte[])[.. out2, 0x03]) : null;
        return (out1, out2, out3);
    }
}
