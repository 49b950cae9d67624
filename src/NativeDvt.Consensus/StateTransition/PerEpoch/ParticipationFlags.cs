namespace NativeDvt.Consensus.StateTransition.PerEpoch;

/// <summary>Altair participation flags and weights. The sync-committee weight (2 of 64) is not paid: there are no sync committees yet.</summary>
public static class ParticipationFlags
{
    /// <summary>TIMELY_SOURCE_FLAG_INDEX.</summary>
    public const int TimelySource = 0;

    /// <summary>TIMELY_TARGET_FLAG_INDEX.</summary>
    public const int TimelyTarget = 1;

    /// <summary>TIMELY_HEAD_FLAG_INDEX.</summary>
    public const int TimelyHead = 2;

    /// <summary>TIMELY_SOURCE_WEIGHT.</summary>
    public const ulong SourceWeight = 14;

    /// <summary>TIMELY_TARGET_WEIGHT.</summary>
    public const ulong TargetWeight = 26;

    /// <summary>TIMELY_HEAD_WEIGHT.</summary>
    public const ulong HeadWeight = 14;

    /// <summary>SYNC_REWARD_WEIGHT: reserved, unused until sync committees exist.</summary>
    public const ulong SyncWeight = 2;

    /// <summary>PROPOSER_WEIGHT.</summary>
    public const ulong ProposerWeight = 8;

    /// <summary>WEIGHT_DENOMINATOR.</summary>
    public const ulong WeightDenominator = 64;

    /// <summary>PARTICIPATION_FLAG_WEIGHTS, by flag index.</summary>
    public static ulong Weight(int flagIndex) => flagIndex switch
    {
        TimelySource => SourceWeight,
        TimelyTarget => TargetWeight,
        TimelyHead => HeadWeight,
        _ => throw new ArgumentOutOfRangeException(nameof(flagIndex)),
    };

    /// <summary>has_flag.</summary>
    public static bool Has(byte flags, int flagIndex) => ((flags >> flagIndex) & 1) == 1;

    /// <summary>add_flag.</summary>
    public static byte Add(byte flags, int flagIndex) => (byte)(flags | (1 << flagIndex));

    /// <summary>The member mask of one flag in a `component` member-participation word (16 bits per flag).</summary>
    public static ushort MemberMask(ulong word, int flagIndex) => (ushort)((word >> (16 * flagIndex)) & 0xffff);

    /// <summary>Adds <paramref name="members"/> to one flag's member mask of a `component` word.</summary>
    public static ulong AddMembers(ulong word, int flagIndex, ushort members) => word | ((ulong)members << (16 * flagIndex));
}
