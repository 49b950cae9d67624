namespace NativeDvt.Crypto;

/// <summary>
/// A scheme whose keys sign a bounded number of messages (hash-based one-time keys, as XMSS): a signer must move to a
/// fresh key before its key runs out.
/// </summary>
public interface IStatefulScheme : ISignatureScheme
{
    /// <summary>How many signatures <paramref name="secretKey"/> can still make.</summary>
    int RemainingSignatures(ReadOnlySpan<byte> secretKey);
}
