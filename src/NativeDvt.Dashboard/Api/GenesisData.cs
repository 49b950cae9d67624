using System.Text.Json.Serialization;

namespace NativeDvt.Dashboard.Api;

/// <summary>The <c>data</c> of <see cref="GenesisResponse"/>.</summary>
public sealed record GenesisData(
    [property: JsonPropertyName("genesis_time")] string GenesisTime,
    [property: JsonPropertyName("genesis_validators_root")] string GenesisValidatorsRoot,
    [property: JsonPropertyName("genesis_fork_version")] string GenesisForkVersion);
