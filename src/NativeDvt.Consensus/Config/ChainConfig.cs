using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Config;

/// <summary>
/// The runtime configuration of one devnet: a preset plus the choices an experiment may vary.
/// </summary>
public sealed record ChainConfig
{
    /// <summary>The preset (sizes and quotients).</summary>
    public Preset Preset { get; init; } = Preset.Devnet;

    /// <summary>Seconds per slot; defaults to the preset's.</summary>
    public ulong? SecondsPerSlotOverride { get; init; }

    /// <summary>The attestation accounting policy.</summary>
    public AccountingPolicy Accounting { get; init; } = AccountingPolicy.Whole;

    /// <summary>The block production policy.</summary>
    public ProposalPolicy Proposal { get; init; } = ProposalPolicy.LeaderFollow;

    /// <summary>Accept groups with m &lt;= n/2 (slashable without a malicious member); tooling must warn loudly.</summary>
    public bool AllowUnsafeThreshold { get; init; }

    /// <summary>The signature scheme's name ("bls", "ed25519", "xmss", or an insecure test scheme).</summary>
    public string SchemeName { get; init; } = "bls";

    /// <summary>Whether the scheme aggregates: a group signature then carries one aggregate instead of one signature per signer.</summary>
    public bool SchemeAggregates { get; init; } = true;

    /// <summary>Maximum opaque payload bytes a block may carry (at most the preset's MaxPayloadBytes).</summary>
    public ulong PayloadBytes { get; init; } = 1024;

    /// <summary>GENESIS_FORK_VERSION.</summary>
    public ForkVersion GenesisForkVersion { get; init; } = new(0x00, 0x00, 0x0d, 0x7e);

    /// <summary>The seconds per slot in force.</summary>
    public ulong SecondsPerSlot => SecondsPerSlotOverride ?? Preset.SecondsPerSlot;

    /// <summary>LEADER_TIMEOUT in milliseconds: SECONDS_PER_SLOT / 12, so ranks 0..3 fit before the 1/3-slot deadline.</summary>
    public ulong LeaderTimeoutMilliseconds => SecondsPerSlot * 1000 / 12;

    /// <summary>Null when the config is usable; else what is wrong (checked by genesis).</summary>
    public string? Validate()
    {
        if (SecondsPerSlot == 0)
        {
            return "seconds per slot must be positive";
        }

        if (PayloadBytes > Preset.MaxPayloadBytes)
        {
            return $"payload size {PayloadBytes} exceeds the preset's SSZ limit {Preset.MaxPayloadBytes}";
        }

        if (Preset.MaxGroupSize is 0 or > Ssz.SszLimits.MaxGroupSize)
        {
            return $"MAX_GROUP_SIZE {Preset.MaxGroupSize} is outside 1..{Ssz.SszLimits.MaxGroupSize}";
        }

        return null;
    }

    /// <summary>The devnet defaults.</summary>
    public static ChainConfig Devnet { get; } = new();
}
