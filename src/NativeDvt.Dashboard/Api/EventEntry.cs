using System.Text.Json.Serialization;

namespace NativeDvt.Dashboard.Api;

/// <summary>One entry of <c>GET /api/events</c>: the log's index and the event's fields (slot null when it has none).</summary>
public sealed record EventEntry(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("slot")] ulong? Slot,
    [property: JsonPropertyName("who")] string Who,
    [property: JsonPropertyName("details")] string Details,
    [property: JsonPropertyName("at")] DateTimeOffset At);
