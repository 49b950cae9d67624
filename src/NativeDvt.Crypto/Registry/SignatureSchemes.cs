using NativeDvt.Crypto.Ed25519;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Registry;

/// <summary>Finds a signature scheme by the name devnet files use.</summary>
public static class SignatureSchemes
{
    /// <summary>Ed25519 (RFC 8032).</summary>
    public const string Ed25519 = "ed25519";

    /// <summary>XMSS-SHA2_10_256 (RFC 8391), stateful: needs a state store.</summary>
    public const string Xmss = "xmss";

    /// <summary>The forgeable stand-in for simulations; never for a network.</summary>
    public const string InsecureFast = "insecure-fast";

    /// <summary>The names <see cref="Create"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = [Ed25519, Xmss, InsecureFast];

    /// <summary>
    /// A new instance of the scheme called <paramref name="name"/>. "xmss" needs
    /// <paramref name="xmssStateStore"/>, where its one-time-key indices are kept; the other schemes
    /// ignore it. Keep the instance: an XMSS scheme caches each key's tree and serialises its
    /// index reservations per instance.
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or "xmss" is asked for without a state store.</exception>
    public static ISignatureScheme Create(string name, IXmssStateStore? xmssStateStore = null) => name switch
    {
        Ed25519 => new Ed25519Scheme(),
        Xmss => new XmssScheme(xmssStateStore ?? throw new ArgumentException("the xmss scheme needs a state store for its one-time-key indices", nameof(xmssStateStore))),
        InsecureFast => new InsecureFastScheme(),

        // "bls" (NativeDvt.Crypto.Bls.BlsScheme) joins this switch and Names when the BLS branch is merged.
        _ => throw new ArgumentException($"unknown signature scheme '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>True for a scheme that declares itself forgeable (<see cref="IInsecureScheme"/>): hosts of a real network refuse it.</summary>
    public static bool IsInsecure(ISignatureScheme scheme) => scheme is IInsecureScheme { IsInsecure: true };
}
