namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// The devnet's fault controls, one per cluster (key <see cref="DevnetGrainKeys.Devnet"/>): each request is checked in
/// full before any part of it is applied, applied to every identity it names, and logged as one
/// fault entry (<see cref="DevnetEventKinds.IsFault"/>) whose <see cref="DevnetEvent.Subjects"/> are those identities. Requests
/// run one at a time. Selectors are the devnet file's (<c>all</c>, <c>g0</c>, <c>g0-7</c>, <c>g3/m1</c>, <c>g0/m0-1</c>)
/// or identity keys (<c>g0-m1</c>), comma-separated. A request waits for every identity it names (a start waits for
/// their nodes to start, a stop for them to close), which under load takes longer than Orleans' default 30 s: each
/// method allows two minutes.
/// </summary>
public interface IFaultGrain : IGrainWithStringKey
{
    /// <summary>Stops the identities <paramref name="identities"/> selects; they stay stopped until started.</summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> StopAsync(string identities);

    /// <summary>Starts the identities <paramref name="identities"/> selects again, with their peer ids and signing records.</summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> StartAsync(string identities);

    /// <summary>
    /// Splits the devnet into <paramref name="sides"/> (two or more selectors; identities on no side join the first):
    /// no connection crosses between sides until <see cref="HealAsync"/> or the next partition.
    /// </summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> PartitionAsync(string[] sides);

    /// <summary>Ends a partition: every identity admits every peer again.</summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> HealAsync();

    /// <summary>
    /// The running identities <paramref name="identities"/> selects each start a rotation to their key's next generation
    /// (signed by at least m members of the group, in force two epochs later); refused when none of them runs.
    /// </summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> RotateAsync(string identities);

    /// <summary>The members of the groups <paramref name="groups"/> selects hold their blocks back by <paramref name="milliseconds"/> (0 ends it).</summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> DelayAsync(string groups, int milliseconds);

    /// <summary>The identities <paramref name="identities"/> selects run client profile <paramref name="profile"/> (<c>file</c>: the devnet file's own).</summary>
    [ResponseTimeout("00:02:00")]
    Task<FaultOutcome> ProfileAsync(string identities, string profile);
}
