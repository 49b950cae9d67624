using System.Text.Json;
using System.Text.Json.Nodes;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>How a C# value reads from and renders to the vectors' JSON form.</summary>
internal sealed record JsonConverter<T>(Func<JsonElement, T> Parse, Func<T, JsonNode?> Render);
