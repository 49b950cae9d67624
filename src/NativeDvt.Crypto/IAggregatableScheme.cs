namespace NativeDvt.Crypto;

/// <summary>A scheme whose signatures combine into one (BLS): a group signature is then one aggregate.</summary>
public interface IAggregatableScheme : ISignatureScheme
{
    /// <summary>Combines signatures into one.</summary>
    byte[] Aggregate(IReadOnlyList<byte[]> signatures);

    /// <summary>Verifies one aggregate signature by many keys over the same message.</summary>
    bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>Verifies one aggregate signature by many keys, each over its own message.</summary>
    bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature);

    /// <summary>True iff every set is valid; may be faster than verifying each (random linear combination).</summary>
    bool BatchVerify(IReadOnlyList<SignatureSet> sets);
}
