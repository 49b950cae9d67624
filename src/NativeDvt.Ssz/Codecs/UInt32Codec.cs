using System.Buffers.Binary;

namespace NativeDvt.Ssz.Codecs;

/// <summary>uint32: little-endian, exactly 4 bytes.</summary>
internal sealed class UInt32Codec : ISszBasicCodec<uint>
{
    public string TypeName => "uint32";

    public bool IsFixedSize => true;

    public int FixedSize => 4;

    public int GetSize(uint value) => 4;

    public void Write(uint value, Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, value);

    public uint Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 4, TypeName);
        return BinaryPrimitives.ReadUInt32LittleEndian(data);
    }

    public Bytes32 HashTreeRoot(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        Write(value, bytes);
        return SszRead.Chunk(bytes);
    }
}
