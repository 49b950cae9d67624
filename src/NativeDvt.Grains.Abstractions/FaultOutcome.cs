namespace NativeDvt.Grains.Abstractions;

/// <summary>What became of a fault request: applied in full (and logged), or refused with nothing applied.</summary>
/// <param name="Applied">True when every part was applied.</param>
/// <param name="Field">The request field that was wrong, when refused.</param>
/// <param name="Error">Why it was refused, naming the field's value; null when applied.</param>
/// <param name="Identities">The identities it applied to, in registry order.</param>
/// <param name="EventIndex">Its entry in the devnet's event log; -1 when refused.</param>
[GenerateSerializer, Immutable, Alias("ndvt.fault-outcome")]
public sealed record FaultOutcome(
    [property: Id(0)] bool Applied,
    [property: Id(1)] string? Field,
    [property: Id(2)] string? Error,
    [property: Id(3)] string[] Identities,
    [property: Id(4)] int EventIndex)
{
    /// <summary>A refusal: nothing was applied.</summary>
    public static FaultOutcome Refused(string field, string error) => new(false, field, error, [], -1);
}
