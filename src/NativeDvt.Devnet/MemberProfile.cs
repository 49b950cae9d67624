namespace NativeDvt.Devnet;

/// <summary>One member's client profile.</summary>
/// <param name="Kind">The behaviour.</param>
/// <param name="Delay">For <see cref="ProfileKind.Late"/>: how late blocks reach this member.</param>
public sealed record MemberProfile(ProfileKind Kind, TimeSpan Delay)
{
    /// <summary>The default profile.</summary>
    public static readonly MemberProfile Honest = new(ProfileKind.Honest, TimeSpan.Zero);

    /// <summary>The spelling used in devnet files and reports.</summary>
    public override string ToString() => Kind switch
    {
        ProfileKind.Late => $"late {Delay.TotalMilliseconds:0}ms",
        _ => ProfileNames.Of(Kind),
    };
}
