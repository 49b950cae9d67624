using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Signing;

/// <summary>
/// What consensus needs from a signature scheme: verification only. Hosts adapt a real scheme
/// (NativeDvt.Crypto) to it; tests use an insecure stand-in.
/// </summary>
public interface ISignatureVerifier
{
    /// <summary>The scheme's name, as in the chain config.</summary>
    string SchemeName { get; }

    /// <summary>Whether a group signature carries one aggregate (true) or one signature per signer (false).</summary>
    bool Aggregates { get; }

    /// <summary>True iff <paramref name="signature"/> by <paramref name="publicKey"/> over <paramref name="message"/> is valid; malformed input gives false.</summary>
    bool Verify(Bytes publicKey, Root message, Bytes signature);

    /// <summary>True iff <paramref name="aggregate"/> is valid for every key over the same <paramref name="message"/> (aggregating schemes only).</summary>
    bool FastAggregateVerify(IReadOnlyList<Bytes> publicKeys, Root message, Bytes aggregate);
}
