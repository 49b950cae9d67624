namespace NativeDvt.Consensus.ForkChoice;

/// <summary>The timing and boost parameters fork choice needs; times are milliseconds on the caller's clock.</summary>
public sealed record ForkChoiceConfig(ulong GenesisTimeMs, ulong SlotDurationMs, ulong SlotsPerEpoch)
{
    /// <summary>PROPOSER_SCORE_BOOST, percent of one slot's committee weight.</summary>
    public ulong ProposerScoreBoost { get; init; } = 40;

    /// <summary>INTERVALS_PER_SLOT: a block is timely for the boost within the first interval.</summary>
    public ulong IntervalsPerSlot { get; init; } = 3;
}
