namespace NativeDvt.Grains.Abstractions;

/// <summary>A group as the head post-state of one identity's node records it.</summary>
/// <param name="HeadSlot">The slot of the head block the view was read from.</param>
/// <param name="Status">
/// <c>active</c>, <c>slashed</c>, <c>exited</c> (its exit epoch has passed) or <c>pending</c> (not yet activated), at the
/// head's epoch.
/// </param>
/// <param name="BalanceGwei">The head state's balance.</param>
/// <param name="EffectiveBalanceGwei">The head state's effective balance (what duties and rewards weigh).</param>
/// <param name="Threshold">m as registered.</param>
/// <param name="Pubkeys">The members' latest keys as registered (rotations included), 0x-hex, in member order.</param>
/// <param name="Epochs">The settled epochs the node still holds the chain for, oldest first.</param>
/// <param name="Slashed">The registry's slashed flag.</param>
/// <param name="ActivationEligibilityEpoch">The registry's epochs (FAR_FUTURE_EPOCH = 2^64 - 1 when not set).</param>
/// <param name="ActivationEpoch">Activation epoch.</param>
/// <param name="ExitEpoch">Exit epoch.</param>
/// <param name="WithdrawableEpoch">Withdrawable epoch.</param>
[GenerateSerializer, Immutable, Alias("ndvt.group-chain-view")]
public sealed record GroupChainView(
    [property: Id(0)] ulong HeadSlot,
    [property: Id(1)] string Status,
    [property: Id(2)] ulong BalanceGwei,
    [property: Id(3)] ulong EffectiveBalanceGwei,
    [property: Id(4)] ulong Threshold,
    [property: Id(5)] string[] Pubkeys,
    [property: Id(6)] GroupEpochSummary[] Epochs,
    [property: Id(7)] bool Slashed,
    [property: Id(8)] ulong ActivationEligibilityEpoch,
    [property: Id(9)] ulong ActivationEpoch,
    [property: Id(10)] ulong ExitEpoch,
    [property: Id(11)] ulong WithdrawableEpoch);
