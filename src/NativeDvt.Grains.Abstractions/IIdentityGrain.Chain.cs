namespace NativeDvt.Grains.Abstractions;

/// <summary>Reads of the chain as the identity's node holds it.</summary>
public partial interface IIdentityGrain
{
    /// <summary>
    /// Group <paramref name="group"/> as this node's head post-state records it, with the settled epochs it still holds
    /// (at most <paramref name="maxEpochs"/>, newest kept); null while the node does not run or the chain has no such group.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<GroupChainView?> GetGroupChainAsync(ulong group, int maxEpochs);

    /// <summary>The group slashings the canonical block of <paramref name="slot"/> carries, both sides of each; empty when none or no node runs.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<SlashingEvidence[]> GetSlashingEvidenceAsync(ulong slot);
}
