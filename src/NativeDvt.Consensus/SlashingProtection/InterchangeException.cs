namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>An interchange document that cannot be imported: malformed, wrong version or another network.</summary>
public sealed class InterchangeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InterchangeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InterchangeException()
        : this("invalid slashing-protection interchange")
    {
    }

    /// <summary>Creates the exception.</summary>
    public InterchangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
