using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;

namespace NativeDvt.Consensus.Benchmarks;

/// <summary>Counts the signature checks a block needs while delegating to the insecure test scheme.</summary>
internal sealed class CountingVerifier(ISignatureVerifier inner) : ISignatureVerifier
{
    public int Single { get; private set; }

    public int Aggregate { get; private set; }

    public long KeysInAggregates { get; private set; }

    public string SchemeName => inner.SchemeName;

    public bool Aggregates => inner.Aggregates;

    public void Reset() => (Single, Aggregate, KeysInAggregates) = (0, 0, 0);

    public bool Verify(Bytes publicKey, Root message, Bytes signature)
    {
        Single++;
        return inner.Verify(publicKey, message, signature);
    }

    public bool FastAggregateVerify(IReadOnlyList<Bytes> publicKeys, Root message, Bytes aggregate)
    {
        Aggregate++;
        KeysInAggregates += publicKeys.Count;
        return inner.FastAggregateVerify(publicKeys, message, aggregate);
    }
}
