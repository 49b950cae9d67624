using System.Buffers.Binary;

namespace NativeDvt.Ssz.Codecs;

/// <summary>uint128: little-endian, exactly 16 bytes.</summary>
internal sealed class UInt128Codec : ISszBasicCodec<UInt128>
{
    public string TypeName => "uint128";

    public bool IsFixedSize => true;

    public int FixedSize => 16;

    public int GetSize(UInt128 value) => 16;

    public void Write(UInt128 value, Span<byte> destination) => BinaryPrimitives.WriteUInt128LittleEndian(destination, value);

    public UInt128 Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 16, TypeName);
        return BinaryPrimitives.ReadUInt128LittleEndian(data);
    }

    public Bytes32 HashTreeRoot(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        Write(value, bytes);
        return SszRead.Chunk(bytes);
    }
}
