using System.Text.Json.Serialization;

namespace NativeDvt.Dashboard.Api;

/// <summary>The Beacon API's error body: <c>{"code": 404, "message": "..."}</c>.</summary>
public sealed record BeaconError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message);
