namespace NativeDvt.Dashboard.Live;

/// <summary>What became of a slot (<see cref="SlotView.Outcome"/>).</summary>
public static class SlotOutcomes
{
    /// <summary>A block most nodes imported within a third of the slot (the attestation deadline).</summary>
    public const string Block = "block";

    /// <summary>A block most nodes imported after the attestation deadline.</summary>
    public const string Late = "late";

    /// <summary>No block most nodes imported.</summary>
    public const string Missed = "missed";

    /// <summary>The wall clock is still in the slot or the next one: blocks may still arrive.</summary>
    public const string Pending = "pending";
}
