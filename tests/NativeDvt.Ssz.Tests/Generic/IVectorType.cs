using System.Text.Json;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>An SSZ type named in a vector, hiding its C# value type from the test loop.</summary>
internal interface IVectorType
{
    /// <summary>Checks encode, decode and hash_tree_root against a valid case; returns the failures.</summary>
    IEnumerable<string> CheckValid(byte[] serialized, JsonElement value, Bytes32 root);

    /// <summary>Decodes <paramref name="serialized"/> as a whole message.</summary>
    void Decode(byte[] serialized);
}
