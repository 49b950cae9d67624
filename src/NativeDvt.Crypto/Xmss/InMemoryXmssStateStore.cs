using System.Collections.Concurrent;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// A state store that lives as long as the process: for tests and simulations only, since a
/// restart forgets every reservation (and so would let a restarted signer reuse one-time keys).
/// </summary>
public sealed class InMemoryXmssStateStore : IXmssStateStore
{
    private readonly ConcurrentDictionary<string, int> _next = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public int ReadNextIndex(string keyId) => _next.TryGetValue(keyId, out var next) ? next : 0;

    /// <inheritdoc />
    public void WriteNextIndex(string keyId, int nextIndex) => _next[keyId] = nextIndex;
}
