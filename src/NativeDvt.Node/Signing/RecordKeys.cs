namespace NativeDvt.Node.Signing;

/// <summary>The keys under which a node files its signing records in an <see cref="ISigningRecordStore"/>.</summary>
public static class RecordKeys
{
    /// <summary>Prefix of every slashing-protection history.</summary>
    public const string SlashingProtectionPrefix = "slashing-protection/";

    /// <summary>The EIP-3076 history of a public key.</summary>
    public static string SlashingProtection(ReadOnlySpan<byte> pubkey) => SlashingProtectionPrefix + Convert.ToHexStringLower(pubkey);

    /// <summary>The inclusion lists a public key signed.</summary>
    public static string InclusionLists(ReadOnlySpan<byte> pubkey) => "inclusion-lists/" + Convert.ToHexStringLower(pubkey);

    /// <summary>The next free one-time-key index of a stateful key (by the scheme's key id).</summary>
    public static string OneTimeKeyIndex(string keyId) => "one-time-key-index/" + keyId;

    /// <summary>
    /// The newest key generation a host handed an identity for a stateful scheme's automatic rotation (by the host's name
    /// of the identity): written through the journal before the rotation's share leaves, so a restart finds the key the
    /// chain may switch to.
    /// </summary>
    public static string KeyGeneration(string identity) => "key-generation/" + identity;
}
