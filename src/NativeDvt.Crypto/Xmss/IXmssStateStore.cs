namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// Durable record of which one-time keys each XMSS key has handed out, keyed by
/// <see cref="XmssScheme.KeyIdOf"/> (a digest of the public key). The scheme writes the new
/// record before it computes a signature, so a crash can lose indices but never reuse one.
/// </summary>
public interface IXmssStateStore
{
    /// <summary>The lowest index not yet reserved for the key; 0 when the key has no record.</summary>
    int ReadNextIndex(string keyId);

    /// <summary>
    /// Records that every index below <paramref name="nextIndex"/> is reserved. Must not return
    /// until the record would survive a crash; on failure it throws and the record is either the
    /// old one or the new one, never a torn mix.
    /// </summary>
    void WriteNextIndex(string keyId, int nextIndex);
}
