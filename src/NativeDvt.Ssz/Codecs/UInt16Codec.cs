using System.Buffers.Binary;

namespace NativeDvt.Ssz.Codecs;

/// <summary>uint16: little-endian, exactly 2 bytes.</summary>
internal sealed class UInt16Codec : ISszBasicCodec<ushort>
{
    public string TypeName => "uint16";

    public bool IsFixedSize => true;

    public int FixedSize => 2;

    public int GetSize(ushort value) => 2;

    public void Write(ushort value, Span<byte> destination) => BinaryPrimitives.WriteUInt16LittleEndian(destination, value);

    public ushort Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 2, TypeName);
        return BinaryPrimitives.ReadUInt16LittleEndian(data);
    }

    public Bytes32 HashTreeRoot(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        Write(value, bytes);
        return SszRead.Chunk(bytes);
    }
}
