namespace NativeDvt.Grains.Abstractions;

/// <summary>What the chain credited and paid a group for one epoch, read once the epoch's attestations can no longer be included.</summary>
/// <param name="Epoch">The epoch the group attested in.</param>
/// <param name="Source">Its attestation earned the timely-source flag.</param>
/// <param name="Target">It earned the timely-target flag (what justification counts).</param>
/// <param name="Head">It earned the timely-head flag.</param>
/// <param name="RewardGwei">
/// The balance change the epoch transition that settles this epoch made (flag rewards and penalties, inactivity
/// penalty, slashing penalty); negative for a penalty. Proposer rewards arrive with blocks and are not in it.
/// </param>
/// <param name="BalanceGwei">The balance right after that transition.</param>
/// <param name="MaxRewardGwei">What the same transition would have paid had the group earned all three flags, the rest of the chain as it was.</param>
[GenerateSerializer, Immutable, Alias("ndvt.group-epoch")]
public sealed record GroupEpochSummary(
    [property: Id(0)] ulong Epoch,
    [property: Id(1)] bool Source,
    [property: Id(2)] bool Target,
    [property: Id(3)] bool Head,
    [property: Id(4)] long RewardGwei,
    [property: Id(5)] ulong BalanceGwei,
    [property: Id(6)] long MaxRewardGwei);
