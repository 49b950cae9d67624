namespace NativeDvt.Grains.Abstractions;

/// <summary>The identity's slashing protection as EIP-3076 interchange (format 5).</summary>
public partial interface IIdentityGrain
{
    /// <summary>The interchange JSON of every key the identity has signing records for (its key, and earlier ones after rotations).</summary>
    /// <exception cref="InvalidOperationException">The devnet has not started.</exception>
    Task<string> ExportSlashingProtectionAsync();

    /// <summary>
    /// Merges an interchange into the identity's records. Only while its node is stopped (<see cref="StopAsync"/>): a
    /// running node decides on its own in-memory copy of each history, so a merge under it would go unseen until its
    /// next write, which would then find the record moved and halt its signing. The next start reads the merged records
    /// before its first duty.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node runs, or the devnet has not started.</exception>
    /// <exception cref="ArgumentException">The JSON is not an interchange of this devnet (malformed, another genesis_validators_root).</exception>
    Task ImportSlashingProtectionAsync(string json);
}
