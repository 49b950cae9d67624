namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>
/// The multiformats unsigned varint: LEB128, at most 9 bytes (63 bits), minimally encoded.
/// </summary>
/// <remarks>Spec: https://github.com/multiformats/unsigned-varint</remarks>
public static class Varint
{
    /// <summary>The longest encoding the spec allows.</summary>
    public const int MaxLength = 9;

    /// <summary>Largest value that fits in <see cref="MaxLength"/> bytes.</summary>
    public const ulong MaxValue = (1UL << 63) - 1;

    /// <summary>Bytes needed to encode <paramref name="value"/>.</summary>
    public static int Size(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Writes <paramref name="value"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        if (value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "unsigned varints carry at most 63 bits");
        }

        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode(ulong value)
    {
        var bytes = new byte[Size(value)];
        Write(bytes, value);
        return bytes;
    }

    /// <summary>Reads a varint from the start of <paramref name="source"/>.</summary>
    /// <returns>Done, NeedMoreData when the input ends inside the varint.</returns>
    public static VarintStatus TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (i == MaxLength)
            {
                return VarintStatus.TooLong;
            }

            var b = source[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                if (b == 0 && i > 0)
                {
                    return VarintStatus.NotMinimal;
                }

                consumed = i + 1;
                return VarintStatus.Done;
            }
        }

        return source.Length >= MaxLength ? VarintStatus.TooLong : VarintStatus.NeedMoreData;
    }

    /// <summary>Reads a complete varint or throws naming <paramref name="field"/>.</summary>
    public static ulong Read(ReadOnlySpan<byte> source, out int consumed, string field = "varint")
    {
        var status = TryRead(source, out var value, out consumed);
        return status switch
        {
            VarintStatus.Done => value,
            VarintStatus.NeedMoreData => throw new MultiformatException($"{field}: input ends inside the varint"),
            VarintStatus.TooLong => throw new MultiformatException($"{field}: varint longer than {MaxLength} bytes"),
            _ => throw new MultiformatException($"{field}: varint is not minimally encoded"),
        };
    }
}
