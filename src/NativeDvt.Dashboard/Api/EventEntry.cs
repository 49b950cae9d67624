using System.Text.Json.Serialization;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>One entry of <c>GET /api/events</c>: the log's index and the event's fields (slot null when it has none).</summary>
public sealed record EventEntry(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("slot")] ulong? Slot,
    [property: JsonPropertyName("who")] string Who,
    [property: JsonPropertyName("details")] string Details,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("subjects")] string[]? Subjects = null)
{
    /// <summary>Entry <paramref name="index"/> of the log as the API shows it.</summary>
    public static EventEntry Of(int index, DevnetEvent e) => new(index, e.Kind, e.Slot, e.Who, e.Details, e.At, e.Subjects);
}
