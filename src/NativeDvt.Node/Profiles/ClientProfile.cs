namespace NativeDvt.Node.Profiles;

/// <summary>The client behaviour of one identity; hosts map their configuration (a devnet file's member profile) onto it.</summary>
/// <param name="Kind">The behaviour.</param>
public sealed record ClientProfile(ClientProfileKind Kind)
{
    /// <summary>The default profile.</summary>
    public static readonly ClientProfile Honest = new(ClientProfileKind.Honest);

    /// <summary>For <see cref="ClientProfileKind.BugInvalidStateRoot"/>: the first slot whose blocks the bug gets wrong (0: from genesis).</summary>
    public ulong TriggerSlot { get; init; }
}
