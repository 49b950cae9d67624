namespace NativeDvt.Ssz.Codecs;

/// <summary>uint8: little-endian, exactly 1 bytes.</summary>
internal sealed class UInt8Codec : ISszBasicCodec<byte>
{
    public string TypeName => "uint8";

    public bool IsFixedSize => true;

    public int FixedSize => 1;

    public int GetSize(byte value) => 1;

    public void Write(byte value, Span<byte> destination) => destination[0] = value;

    public byte Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 1, TypeName);
        return data[0];
    }

    public Bytes32 HashTreeRoot(byte value)
    {
        Span<byte> bytes = stackalloc byte[1];
        Write(value, bytes);
        return SszRead.Chunk(bytes);
    }
}
