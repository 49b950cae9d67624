namespace NativeDvt.Consensus.StateTransition;

/// <summary>Why a block (or one of its operations) is invalid: the spec function whose check failed, and the reason.</summary>
public sealed record BlockError(BlockRule Rule, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule.SpecName()}: {Reason}";
}
