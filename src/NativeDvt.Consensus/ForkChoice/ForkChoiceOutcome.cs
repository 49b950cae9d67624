namespace NativeDvt.Consensus.ForkChoice;

/// <summary>The typed result of offering a block or vote to fork choice.</summary>
public readonly record struct ForkChoiceOutcome(ForkChoiceRejection Rejection, string Detail)
{
    /// <summary>True when the block or vote was taken.</summary>
    public bool IsAccepted => Rejection == ForkChoiceRejection.None;

    /// <summary>Taken.</summary>
    public static ForkChoiceOutcome Accepted { get; } = new(ForkChoiceRejection.None, "");

    /// <summary>Not taken, for <paramref name="rejection"/>.</summary>
    public static ForkChoiceOutcome Rejected(ForkChoiceRejection rejection, string detail) => new(rejection, detail);
}
