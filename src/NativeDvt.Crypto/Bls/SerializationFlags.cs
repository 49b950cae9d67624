namespace NativeDvt.Crypto.Bls;

/// <summary>The three flag bits of the ZCash BLS12-381 point encoding, in the top byte.</summary>
internal readonly record struct SerializationFlags(bool Infinity, bool Sign)
{
    /// <summary>Bit 7: the encoding is compressed (x only).</summary>
    public const byte Compressed = 0x80;

    /// <summary>Bit 6: the point at infinity.</summary>
    public const byte InfinityBit = 0x40;

    /// <summary>Bit 5: y is the lexicographically larger root.</summary>
    public const byte SignBit = 0x20;

    /// <summary>The bits of the top byte that belong to the coordinate.</summary>
    public const byte ValueMask = 0x1F;

    /// <summary>Top byte of the compressed infinity encoding.</summary>
    public const byte CompressedInfinity = Compressed | InfinityBit;

    /// <summary>Reads the flags of a compressed encoding; false when the compression bit is clear.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out SerializationFlags flags)
    {
        flags = new SerializationFlags((bytes[0] & InfinityBit) != 0, (bytes[0] & SignBit) != 0);
        return (bytes[0] & Compressed) != 0;
    }

    /// <summary>Infinity must be exactly 0xc0 followed by zeros (no sign bit, no coordinate bits).</summary>
    public static bool IsCanonicalInfinity(ReadOnlySpan<byte> bytes) =>
        bytes[0] == CompressedInfinity && !bytes[1..].ContainsAnyExcept((byte)0);
}
