namespace NativeDvt.Grains.Abstractions;

/// <summary>What the dashboard reads of an identity besides its chain, and the faults it applies to one.</summary>
public partial interface IIdentityGrain
{
    /// <summary>Its peers, gossip per topic and observations from slot <paramref name="sinceSlot"/> on.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IdentityActivity> GetActivityAsync(ulong sinceSlot);

    /// <summary>
    /// Holds the node's block publications back by <paramref name="milliseconds"/> (0 ends it): a late proposer, as a
    /// devnet file's <c>lateProposers</c> has it. Kept in grain state, so it outlasts a move to another silo.
    /// </summary>
    Task SetBlockDelayAsync(int milliseconds);

    /// <summary>
    /// Runs the node with client profile <paramref name="profile"/> (a devnet file spelling; null: the file's own), kept
    /// durably; a running node restarts with it, its signing records intact.
    /// </summary>
    Task SetProfileAsync(string? profile);
}
