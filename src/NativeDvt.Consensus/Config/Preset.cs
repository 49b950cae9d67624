namespace NativeDvt.Consensus.Config;

/// <summary>
/// Compile-time-like constants of a chain (the spec's "preset"), fixed for the life of a devnet.
/// Values not set by protocol.md section 6a are Altair/Bellatrix mainnet or minimal values; docs/protocol.md lists each.
/// </summary>
public sealed record Preset
{
    /// <summary>The preset's name: devnet, minimal or mainnet.</summary>
    public required string Name { get; init; }

    // Time.

    /// <summary>Slots per epoch.</summary>
    public required ulong SlotsPerEpoch { get; init; }

    /// <summary>Default seconds per slot (the runtime config may override it).</summary>
    public required ulong SecondsPerSlot { get; init; }

    /// <summary>MIN_ATTESTATION_INCLUSION_DELAY.</summary>
    public ulong MinAttestationInclusionDelay { get; init; } = 1;

    /// <summary>MIN_SEED_LOOKAHEAD.</summary>
    public ulong MinSeedLookahead { get; init; } = 1;

    /// <summary>MAX_SEED_LOOKAHEAD.</summary>
    public ulong MaxSeedLookahead { get; init; } = 4;

    /// <summary>MIN_EPOCHS_TO_INACTIVITY_PENALTY.</summary>
    public ulong MinEpochsToInactivityPenalty { get; init; } = 4;

    /// <summary>
    /// MIN_VALIDATOR_WITHDRAWABILITY_DELAY. Short-history presets keep it below EPOCHS_PER_SLASHINGS_VECTOR so that a
    /// slashed group's withdrawable epoch is set by the slashings vector and the proportional penalty is still seen.
    /// </summary>
    public ulong MinValidatorWithdrawabilityDelay { get; init; } = 256;

    // State list and vector sizes.

    /// <summary>SLOTS_PER_HISTORICAL_ROOT.</summary>
    public required ulong SlotsPerHistoricalRoot { get; init; }

    /// <summary>EPOCHS_PER_HISTORICAL_VECTOR (RANDAO mixes kept).</summary>
    public required ulong EpochsPerHistoricalVector { get; init; }

    /// <summary>EPOCHS_PER_SLASHINGS_VECTOR.</summary>
    public required ulong EpochsPerSlashingsVector { get; init; }

    /// <summary>VALIDATOR_REGISTRY_LIMIT, here the group registry limit.</summary>
    public ulong GroupRegistryLimit { get; init; } = 1UL << 40;

    // Committees and shuffling.

    /// <summary>SHUFFLE_ROUND_COUNT.</summary>
    public required int ShuffleRoundCount { get; init; }

    /// <summary>TARGET_COMMITTEE_SIZE (in groups).</summary>
    public required ulong TargetCommitteeSize { get; init; }

    /// <summary>MAX_COMMITTEES_PER_SLOT.</summary>
    public required ulong MaxCommitteesPerSlot { get; init; }

    // Groups (protocol.md section 1).

    /// <summary>MAX_GROUP_SIZE: at most this many member keys per group; at most 16, the SSZ limit (<c>SszLimits.MaxGroupSize</c>).</summary>
    public ulong MaxGroupSize { get; init; } = 16;

    /// <summary>ROTATION_SLASHABILITY_EPOCHS: an old member key stays slashable this long after its rotation.</summary>
    public ulong RotationSlashabilityEpochs { get; init; } = 16;

    /// <summary>How far ahead (in epochs) a key rotation may be scheduled.</summary>
    public ulong MaxRotationLookahead { get; init; } = 16;

    /// <summary>IL_COMMITTEE_SIZE (groups per slot making inclusion lists).</summary>
    public ulong InclusionListCommitteeSize { get; init; } = 16;

    /// <summary>MAX_BYTES_PER_INCLUSION_LIST: the transactions of one inclusion list total at most this (EIP-7805: 8 KiB).</summary>
    public ulong MaxBytesPerInclusionList { get; init; } = 8192;

    /// <summary>PROPOSER_SCORE_BOOST, in percent of a slot's committee weight.</summary>
    public ulong ProposerScoreBoost { get; init; } = 40;

    // Gwei values.

    /// <summary>MIN_ACTIVATION_BALANCE per member: a group of n needs n times this.</summary>
    public ulong MinActivationBalance { get; init; } = 32_000_000_000;

    /// <summary>MAX_EFFECTIVE_BALANCE per member: a group of n caps at n times this.</summary>
    public ulong MaxEffectiveBalance { get; init; } = 32_000_000_000;

    /// <summary>EJECTION_BALANCE per member: a group of n is ejected at n times this.</summary>
    public ulong EjectionBalance { get; init; } = 16_000_000_000;

    /// <summary>EFFECTIVE_BALANCE_INCREMENT.</summary>
    public ulong EffectiveBalanceIncrement { get; init; } = 1_000_000_000;

    /// <summary>HYSTERESIS_QUOTIENT.</summary>
    public ulong HysteresisQuotient { get; init; } = 4;

    /// <summary>HYSTERESIS_DOWNWARD_MULTIPLIER.</summary>
    public ulong HysteresisDownwardMultiplier { get; init; } = 1;

    /// <summary>HYSTERESIS_UPWARD_MULTIPLIER.</summary>
    public ulong HysteresisUpwardMultiplier { get; init; } = 5;

    // Rewards and penalties (Altair weights, Bellatrix quotients).

    /// <summary>BASE_REWARD_FACTOR.</summary>
    public ulong BaseRewardFactor { get; init; } = 64;

    /// <summary>WHISTLEBLOWER_REWARD_QUOTIENT.</summary>
    public ulong WhistleblowerRewardQuotient { get; init; } = 512;

    /// <summary>INACTIVITY_PENALTY_QUOTIENT_BELLATRIX.</summary>
    public ulong InactivityPenaltyQuotient { get; init; } = 1UL << 24;

    /// <summary>MIN_SLASHING_PENALTY_QUOTIENT_BELLATRIX.</summary>
    public ulong MinSlashingPenaltyQuotient { get; init; } = 32;

    /// <summary>PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX.</summary>
    public ulong ProportionalSlashingMultiplier { get; init; } = 3;

    /// <summary>INACTIVITY_SCORE_BIAS.</summary>
    public ulong InactivityScoreBias { get; init; } = 4;

    /// <summary>INACTIVITY_SCORE_RECOVERY_RATE.</summary>
    public ulong InactivityScoreRecoveryRate { get; init; } = 16;

    // Churn (counted in groups, as the spec counts validators).

    /// <summary>MIN_PER_EPOCH_CHURN_LIMIT.</summary>
    public required ulong MinPerEpochChurnLimit { get; init; }

    /// <summary>CHURN_LIMIT_QUOTIENT.</summary>
    public required ulong ChurnLimitQuotient { get; init; }

    // Block body limits.

    /// <summary>MAX_PROPOSER_SLASHINGS per block (double proposals).</summary>
    public ulong MaxProposerSlashings { get; init; } = 16;

    /// <summary>MAX_ATTESTER_SLASHINGS per block (double and surround votes).</summary>
    public ulong MaxAttesterSlashings { get; init; } = 2;

    /// <summary>MAX_ATTESTATIONS per block: one group attests once per slot, so a full slot needs one per group.</summary>
    public required ulong MaxAttestations { get; init; }

    /// <summary>MAX_REGISTRATIONS per block (the groups' deposits).</summary>
    public ulong MaxRegistrations { get; init; } = 16;

    /// <summary>MAX_KEY_ROTATIONS per block.</summary>
    public ulong MaxKeyRotations { get; init; } = 16;

    /// <summary>Upper bound of the opaque payload (the runtime config picks the size actually used).</summary>
    public ulong MaxPayloadBytes { get; init; } = 1UL << 20;

    /// <summary>The devnet preset: protocol.md section 6a; mainnet committee sizes, short histories.</summary>
    public static Preset Devnet { get; } = new()
    {
        Name = "devnet",
        SlotsPerEpoch = 8,
        SecondsPerSlot = 2,
        SlotsPerHistoricalRoot = 256,
        EpochsPerHistoricalVector = 256,
        EpochsPerSlashingsVector = 64,
        MinValidatorWithdrawabilityDelay = 32,
        ShuffleRoundCount = 90,
        TargetCommitteeSize = 128,
        MaxCommitteesPerSlot = 64,
        MinPerEpochChurnLimit = 4,
        ChurnLimitQuotient = 1UL << 16,
        MaxAttestations = 1UL << 16,
    };

    /// <summary>The spec's minimal preset (Altair/Bellatrix values), for small fast tests.</summary>
    public static Preset Minimal { get; } = new()
    {
        Name = "minimal",
        SlotsPerEpoch = 8,
        SecondsPerSlot = 6,
        SlotsPerHistoricalRoot = 64,
        EpochsPerHistoricalVector = 64,
        EpochsPerSlashingsVector = 64,
        MinValidatorWithdrawabilityDelay = 32,
        ShuffleRoundCount = 10,
        TargetCommitteeSize = 4,
        MaxCommitteesPerSlot = 4,
        MinPerEpochChurnLimit = 2,
        ChurnLimitQuotient = 32,
        MaxAttestations = 1UL << 12,
        MinSlashingPenaltyQuotient = 32,
    };

    /// <summary>The spec's mainnet preset (Altair/Bellatrix values).</summary>
    public static Preset Mainnet { get; } = new()
    {
        Name = "mainnet",
        SlotsPerEpoch = 32,
        SecondsPerSlot = 12,
        SlotsPerHistoricalRoot = 8192,
        EpochsPerHistoricalVector = 65536,
        EpochsPerSlashingsVector = 8192,
        ShuffleRoundCount = 90,
        TargetCommitteeSize = 128,
        MaxCommitteesPerSlot = 64,
        MinPerEpochChurnLimit = 4,
        ChurnLimitQuotient = 1UL << 16,
        MaxAttestations = 1UL << 16,
    };

    /// <summary>The preset of a name, or null.</summary>
    public static Preset? ByName(string name) => name switch
    {
        "devnet" => Devnet,
        "minimal" => Minimal,
        "mainnet" => Mainnet,
        _ => null,
    };
}
