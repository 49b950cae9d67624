namespace NativeDvt.Ssz.Codecs;

/// <summary>boolean: one byte, 0x00 or 0x01; any other byte is rejected.</summary>
internal sealed class BooleanCodec : ISszBasicCodec<bool>
{
    public string TypeName => "boolean";

    public bool IsFixedSize => true;

    public int FixedSize => 1;

    public int GetSize(bool value) => 1;

    public void Write(bool value, Span<byte> destination) => destination[0] = value ? (byte)1 : (byte)0;

    public bool Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 1, TypeName);
        return data[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new SszException($"boolean byte 0x{data[0]:x2} is neither 0x00 nor 0x01"),
        };
    }

    public Bytes32 HashTreeRoot(bool value)
    {
        Span<byte> bytes = stackalloc byte[1];
        Write(value, bytes);
        return SszRead.Chunk(bytes);
    }
}
