namespace NativeDvt.Ssz;

/// <summary>Entry points for whole messages: encode to a new array, decode with the type name at the head of the error path.</summary>
public static class SszCodecExtensions
{
    /// <summary>Serializes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode<T>(this ISszCodec<T> codec, T value)
    {
        var bytes = new byte[codec.GetSize(value)];
        codec.Write(value, bytes);
        return bytes;
    }

    /// <summary>Deserializes a whole message; a failure's <see cref="SszException.Field"/> starts with the type name.</summary>
    public static T Decode<T>(this ISszCodec<T> codec, ReadOnlySpan<byte> data)
    {
        try
        {
            return codec.Read(data);
        }
        catch (SszException e)
        {
            throw e.Within(codec.TypeName);
        }
    }
}
