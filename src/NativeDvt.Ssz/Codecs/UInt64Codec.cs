using System.Buffers.Binary;

namespace NativeDvt.Ssz.Codecs;

/// <summary>uint64: little-endian, exactly 8 bytes.</summary>
internal sealed class UInt64Codec : ISszBasicCodec<ulong>
{
    public string TypeName => "uint64";

    public bool IsFixedSize => true;

    public int FixedSize => 8;

    public int GetSize(ulong value) => 8;

    public void Write(ulong value, Span<byte> destination) => BinaryPrimitives.WriteUInt64LittleEndian(destination, value);

    public ulong Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 8, TypeName);
        return BinaryPrimitives.ReadUInt64LittleEndian(data);
    }

    public Bytes32 HashTreeRoot(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        Write(value, bytes);
        return SszRead.Chunk(bytes);
    }
}
