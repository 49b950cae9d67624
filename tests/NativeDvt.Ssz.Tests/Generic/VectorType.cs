using System.Text.Json;
using System.Text.Json.Nodes;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>A codec paired with its JSON form.</summary>
internal sealed class VectorType<T>(ISszCodec<T> codec, JsonConverter<T> json) : IVectorType
{
    public ISszCodec<T> Codec => codec;

    public IEnumerable<string> CheckValid(byte[] serialized, JsonElement value, Bytes32 root)
    {
        var parsed = json.Parse(value);
        var encoded = codec.Encode(parsed);
        if (!encoded.AsSpan().SequenceEqual(serialized))
        {
            yield return $"encode gave 0x{Convert.ToHexStringLower(encoded)}";
        }

        var decoded = codec.Decode(serialized);
        var rendered = json.Render(decoded);
        if (!JsonNode.DeepEquals(rendered, JsonNode.Parse(value.GetRawText())))
        {
            yield return $"decode gave {rendered?.ToJsonString()}";
        }

        var actual = codec.HashTreeRoot(parsed);
        if (actual != root)
        {
            yield return $"hash_tree_root gave {actual}";
        }
    }

    public void Decode(byte[] serialized) => codec.Decode(serialized);
}
