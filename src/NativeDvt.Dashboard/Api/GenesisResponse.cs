using System.Text.Json.Serialization;

namespace NativeDvt.Dashboard.Api;

/// <summary>The body of <c>GET /eth/v1/beacon/genesis</c> (Beacon API): numbers as decimal strings, bytes as 0x hex.</summary>
/// <param name="Data">The genesis data.</param>
public sealed record GenesisResponse([property: JsonPropertyName("data")] GenesisData Data);
