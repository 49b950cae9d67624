using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Crypto;

namespace NativeDvt.Node.Sharing;

/// <summary>The consensus core's <see cref="ISignatureVerifier"/> over the process-wide <see cref="VerificationCache"/>.</summary>
public sealed class CachedSignatureVerifier(VerificationCache cache) : ISignatureVerifier
{
    /// <summary>The cache behind this verifier.</summary>
    public VerificationCache Cache { get; } = cache;

    /// <inheritdoc />
    public string SchemeName => Cache.Scheme.Name;

    /// <inheritdoc />
    public bool Aggregates => Cache.Scheme is IAggregatableScheme;

    /// <inheritdoc />
    public bool Verify(Bytes publicKey, Root message, Bytes signature) =>
        Cache.Verify(publicKey.ToArray(), message.ToArray(), signature.ToArray());

    /// <inheritdoc />
    public bool FastAggregateVerify(IReadOnlyList<Bytes> publicKeys, Root message, Bytes aggregate) =>
        publicKeys.Count > 0 && Cache.VerifyGroup([.. publicKeys.Select(k => k.ToArray())], message.ToArray(), [aggregate.ToArray()]);
}
