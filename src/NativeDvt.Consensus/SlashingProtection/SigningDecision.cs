namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>The outcome of a check-and-record: allowed (and recorded, unless a repeat) or refused with a reason.</summary>
public readonly record struct SigningDecision(SlashingRefusal Refusal, bool IsRepeat, string Detail)
{
    /// <summary>True when the signature may be produced and released.</summary>
    public bool IsAllowed => Refusal == SlashingRefusal.None;

    /// <summary>Allowed and newly recorded.</summary>
    public static SigningDecision Allowed { get; } = new(SlashingRefusal.None, false, "");

    /// <summary>Allowed because the identical message (same signing root) was signed before.</summary>
    public static SigningDecision Repeat { get; } = new(SlashingRefusal.None, true, "repeat of an identical signing root");

    /// <summary>Refused.</summary>
    public static SigningDecision Refused(SlashingRefusal refusal, string detail) => new(refusal, false, detail);
}
