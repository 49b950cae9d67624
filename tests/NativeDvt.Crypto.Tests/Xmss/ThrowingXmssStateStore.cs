using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>Wraps a store; while <see cref="FailWrites"/> is set a write throws, before or after it reaches the inner store.</summary>
internal sealed class ThrowingXmssStateStore(IXmssStateStore inner) : IXmssStateStore
{
    public bool FailWrites { get; set; }

    /// <summary>When true a failing write first reaches the inner store (a sync that fails after the rename).</summary>
    public bool PersistBeforeFailing { get; set; }

    public int ReadNextIndex(string keyId) => inner.ReadNextIndex(keyId);

    public void WriteNextIndex(string keyId, int nextIndex)
    {
        if (FailWrites && PersistBeforeFailing)
        {
            inner.WriteNextIndex(keyId, nextIndex);
        }

        if (FailWrites)
        {
            throw new IOException("disk full (simulated)");
        }

        inner.WriteNextIndex(keyId, nextIndex);
    }
}
