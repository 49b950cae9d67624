namespace NativeDvt.Ssz;

/// <summary>
/// The one SSZ definition of a type: size, serialization, strict deserialization and hash_tree_root.
/// Codecs are stateless and thread-safe; composite codecs are built from their element codecs.
/// </summary>
/// <typeparam name="T">The C# value type.</typeparam>
public interface ISszCodec<T> : ISszType
{
    /// <summary>The serialized size of <paramref name="value"/>.</summary>
    int GetSize(T value);

    /// <summary>Serializes <paramref name="value"/> into exactly <see cref="GetSize"/> bytes of <paramref name="destination"/>.</summary>
    void Write(T value, Span<byte> destination);

    /// <summary>Deserializes exactly <paramref name="data"/>; throws <see cref="SszException"/> for anything malformed.</summary>
    T Read(ReadOnlySpan<byte> data);

    /// <summary>The hash_tree_root of <paramref name="value"/>.</summary>
    Bytes32 HashTreeRoot(T value);
}
