using System.Buffers;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Unit")]
public sealed class ProtobufTests
{
    [Fact]
    public void WriteThenRead_AllWireTypes_RoundTrip()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ProtoWriter(buffer);
        writer.WriteVarint(1, 300);
        writer.WriteString(2, "héllo");
        writer.WriteBytes(3, [1, 2, 3]);
        writer.WriteFixed32(4, 0xdeadbeef);
        writer.WriteFixed64(5, 0x0102030405060708);
        writer.WriteInt64(6, -2);
        writer.WriteBool(7, true);
        writer.WriteLengthPrefix(8, ProtoWriter.VarintFieldSize(1, 5));
        writer.WriteVarint(1, 5);

        var reader = new ProtoReader(buffer.WrittenSpan);
        var seen = 0;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            seen++;
            switch (field)
            {
                case 1: Assert.Equal(300UL, reader.ReadVarint()); break;
                case 2: Assert.Equal("héllo", reader.ReadString()); break;
                case 3: Assert.Equal([1, 2, 3], reader.ReadBytes().ToArray()); break;
                case 4: Assert.Equal(0xdeadbeefU, reader.ReadFixed32()); break;
                case 5: Assert.Equal(0x0102030405060708UL, reader.ReadFixed64()); break;
                case 6: Assert.Equal(-2L, reader.ReadInt64()); break;
                case 7: Assert.True(reader.ReadBool()); break;
                case 8:
                    var inner = new ProtoReader(reader.ReadBytes());
                    Assert.True(inner.TryReadTag(out var innerField, out _));
                    Assert.Equal(1, innerField);
                    Assert.Equal(5UL, inner.ReadVarint());
                    Assert.False(inner.TryReadTag(out _, out _));
                    break;
                default: reader.Skip(wireType); break;
            }
        }

        Assert.Equal(8, seen);
    }

    [Fact]
    public void Sizes_MatchWrittenBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ProtoWriter(buffer);
        writer.WriteString(20, "abc");
        writer.WriteVarint(3, 1UL << 40);
        Assert.Equal(ProtoWriter.StringFieldSize(20, "abc") + ProtoWriter.VarintFieldSize(3, 1UL << 40), buffer.WrittenCount);
    }

    [Theory]
    [InlineData("0a05010203", "length")]
    [InlineData("08", "varint")]
    [InlineData("08ffffffffffffffffff7f", "overflows")]
    [InlineData("00", "field number 0")]
    [InlineData("0b", "wire type 3")]
    [InlineData("0f", "wire type 7")]
    [InlineData("0d0102", "needs 4 bytes")]
    [InlineData("1202c328", "UTF-8")]
    public void Read_MalformedInput_ThrowsProtobufException(string hex, string expectedText)
    {
        var bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<ProtobufException>(() => ReadAll(bytes));
        Assert.Contains(expectedText, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongWireTypeForField_Throws()
    {
        var e = Assert.Throws<ProtobufException>(() =>
        {
            var reader = new ProtoReader([0x0a, 0x00]);
            reader.TryReadTag(out _, out _);
            reader.ReadVarint();
        });
        Assert.Contains("field 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RandomBytes_OnlyProtobufException()
    {
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            try
            {
                ReadAll(bytes);
            }
            catch (ProtobufException)
            {
            }
        }
    }

    private static void ReadAll(byte[] bytes)
    {
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 2 && wireType == WireType.LengthDelimited)
            {
                reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }
}
