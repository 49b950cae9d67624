using System.Text.Json.Serialization;

namespace NativeDvt.Simulation.Reporting;

/// <summary>Group-slashing evidence built, or a group slashing included in a block.</summary>
/// <param name="Who">The group (g3).</param>
/// <param name="Kind">evidence built: double proposal / double vote, or slashing included.</param>
/// <param name="Slot">Evidence: the slot of the first conflicting message; included: the including block's slot.</param>
/// <param name="Detail">Who built or first imported it, and when.</param>
public sealed record GroupSlashingRecord(string Who, string Kind, ulong Slot, string Detail)
{
    /// <summary>Evidence only: the message the builder held first (an inclusion's JSON leaves it out).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SlashingMessage? First { get; init; }

    /// <summary>Evidence only: the conflicting message.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SlashingMessage? Second { get; init; }

    /// <summary>The evidence's two sides as one line (empty for an inclusion); the JSON has them as fields.</summary>
    [JsonIgnore]
    public string Sides => First is { } a && Second is { } b ? $"{a} vs {b}" : string.Empty;
}

/// <summary>One side of group-slashing evidence.</summary>
/// <param name="Slot">The block's slot, or the attestation data's slot.</param>
/// <param name="Root">The block root or attestation data root (first 8 bytes, hex).</param>
/// <param name="Members">The members whose signatures it carries (g3/m0, ...).</param>
public sealed record SlashingMessage(ulong Slot, string Root, IReadOnlyList<string> Members)
{
    /// <summary>Slot, root and signers, for the text report.</summary>
    public override string ToString() => $"slot {Slot} root {Root} signed by {string.Join(", ", Members)}";
}
