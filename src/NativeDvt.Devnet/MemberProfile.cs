namespace NativeDvt.Devnet;

/// <summary>One member's client profile.</summary>
/// <param name="Kind">The behaviour.</param>
/// <param name="Delay">For <see cref="ProfileKind.Late"/>: how late blocks reach this member.</param>
public sealed record MemberProfile(ProfileKind Kind, TimeSpan Delay)
{
    /// <summary>The default profile.</summary>
    public static readonly MemberProfile Honest = new(ProfileKind.Honest, TimeSpan.Zero);

    /// <summary>For <see cref="ProfileKind.BugInvalidStateRoot"/>: the first slot whose blocks the bug gets wrong (0: from genesis).</summary>
    public ulong TriggerSlot { get; init; }

    /// <summary>True for the profiles that carry a deliberate consensus bug (bug-*).</summary>
    public bool IsBug => Kind is ProfileKind.BugInvalidStateRoot or ProfileKind.BugWrongHeadAfterReorg;

    /// <summary>The spelling used in devnet files and reports.</summary>
    public override string ToString() => Kind switch
    {
        ProfileKind.Late => $"late {Delay.TotalMilliseconds:0}ms",
        ProfileKind.BugInvalidStateRoot when TriggerSlot > 0 => $"{ProfileNames.Of(Kind)} from slot {TriggerSlot}",
        _ => ProfileNames.Of(Kind),
    };
}
