using System.Buffers;
using System.Buffers.Binary;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Signing;

/// <summary>Little-endian writing of the signing records' fields.</summary>
internal sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void Byte(byte value) => _buffer.Write([value]);

    public void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Count(int count)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), count);
        _buffer.Advance(4);
    }

    public void Optional(ulong? value)
    {
        Byte(value is null ? (byte)0 : (byte)1);
        if (value is { } present)
        {
            UInt64(present);
        }
    }

    public void Root(Root? root)
    {
        Byte(root is null ? (byte)0 : (byte)1);
        if (root is { } present)
        {
            present.CopyTo(_buffer.GetSpan(32));
            _buffer.Advance(32);
        }
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
