namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// One group of the devnet (key: its registry index). It holds no truth of its own: the chain fields come from the head
/// of a running member's node (another identity's when none of its members runs), slashings and rotations from the
/// devnet's event log.
/// </summary>
public interface IGroupGrain : IGrainWithIntegerKey
{
    /// <summary>The group now.</summary>
    /// <exception cref="InvalidOperationException">The devnet has not started.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The devnet has no group of this index.</exception>
    Task<GroupSummary> GetSummaryAsync();
}
