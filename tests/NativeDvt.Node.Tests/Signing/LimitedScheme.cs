using NativeDvt.Crypto;
using NativeDvt.Crypto.Insecure;

namespace NativeDvt.Node.Tests.Signing;

/// <summary>The insecure-fast scheme with a budget of signatures per key, as a stateful scheme has; past it, signing throws.</summary>
internal sealed class LimitedScheme(int signaturesPerKey) : IStatefulScheme
{
    private readonly InsecureFastScheme _inner = new();
    private readonly Dictionary<string, int> _used = [];

    public string Name => _inner.Name;

    public IReadOnlyDictionary<string, int> Used => _used;

    public byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey) => _inner.DerivePublicKey(secretKey);

    public int RemainingSignatures(ReadOnlySpan<byte> secretKey) => signaturesPerKey - _used.GetValueOrDefault(Convert.ToHexString(secretKey));

    public byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message)
    {
        var key = Convert.ToHexString(secretKey);
        var used = _used.GetValueOrDefault(key);
        if (used >= signaturesPerKey)
        {
            throw new InvalidOperationException($"key used up after {signaturesPerKey} signatures");
        }

        _used[key] = used + 1;
        return _inner.Sign(secretKey, message);
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => _inner.Verify(publicKey, message, signature);
}
