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
}
