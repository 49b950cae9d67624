namespace NativeDvt.Crypto;

/// <summary>
/// A signature scheme as the protocol sees it: nothing here assumes aggregation or any algebra,
/// so hash-based (post-quantum) schemes fit beside BLS and Ed25519.
/// </summary>
public interface ISignatureScheme
{
    /// <summary>The scheme's name in devnet files and reports (for example "bls", "ed25519", "xmss").</summary>
    string Name { get; }

    /// <summary>The public key of a secret key, in the scheme's wire encoding.</summary>
    byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey);

    /// <summary>Signs <paramref name="message"/> (for the protocol: a 32-byte signing root).</summary>
    byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message);

    /// <summary>True iff <paramref name="signature"/> is valid; malformed inputs give false, never an exception.</summary>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
