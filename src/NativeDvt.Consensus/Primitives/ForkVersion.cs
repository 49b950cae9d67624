namespace NativeDvt.Consensus.Primitives;

/// <summary>A 4-byte fork version.</summary>
public readonly record struct ForkVersion(byte B0, byte B1, byte B2, byte B3)
{
    /// <summary>Reads exactly 4 bytes.</summary>
    public static ForkVersion From(ReadOnlySpan<byte> bytes) => new(bytes[0], bytes[1], bytes[2], bytes[3]);

    /// <summary>Writes the 4 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        destination[0] = B0;
        destination[1] = B1;
        destination[2] = B2;
        destination[3] = B3;
    }

    /// <inheritdoc />
    public override string ToString() => $"0x{B0:x2}{B1:x2}{B2:x2}{B3:x2}";
}
