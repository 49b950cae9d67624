namespace NativeDvt.Devnet;

/// <summary>The signature schemes a devnet file can name.</summary>
public enum SchemeName
{
    /// <summary>BLS12-381, the Ethereum ciphersuite; aggregatable. The default.</summary>
    Bls,

    /// <summary>Ed25519: fast and classical, for large devnets on small machines.</summary>
    Ed25519,

    /// <summary>XMSS-style hash-based, stateful one-time keys: the post-quantum case.</summary>
    Xmss,

    /// <summary>Forgeable by anyone; simulator scale runs only, refused by the devnet.</summary>
    InsecureFast,
}
