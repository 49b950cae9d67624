using NativeDvt.Ssz.Tests.Generic;

namespace NativeDvt.Ssz.Tests;

[Trait("Category", "Unit")]
public sealed class CodecTests
{
    [Fact]
    public void ByteList_SameBytesAsListOfUInt8_SameEncodingAndRoot()
    {
        var bytes = Enumerable.Range(0, 77).Select(i => (byte)(i * 7)).ToArray();
        var generic = SszCodecs.List(SszCodecs.UInt8, 300);
        var specialized = SszCodecs.ByteList(300);
        Assert.Equal(generic.Encode(bytes), specialized.Encode(bytes));
        Assert.Equal(generic.HashTreeRoot(bytes), specialized.HashTreeRoot(bytes));
        Assert.Equal(bytes, specialized.Decode(specialized.Encode(bytes)));
    }

    [Fact]
    public void ByteVector_SameBytesAsVectorOfUInt8_SameEncodingAndRoot()
    {
        var bytes = Enumerable.Range(0, 48).Select(i => (byte)(i + 1)).ToArray();
        Assert.Equal(SszCodecs.Vector(SszCodecs.UInt8, 48).HashTreeRoot(bytes), SszCodecs.ByteVector(48).HashTreeRoot(bytes));
        Assert.Equal(bytes, SszCodecs.ByteVector(48).Decode(bytes));
    }

    [Fact]
    public void Bytes32Codec_Root_IsTheValueItself()
    {
        var value = Bytes32.FromHex("0x" + string.Concat(Enumerable.Repeat("0123456789abcdef", 4)));
        Assert.Equal(value, SszCodecs.Bytes32.HashTreeRoot(value));
        Assert.Equal(value, SszCodecs.Bytes32.Decode(SszCodecs.Bytes32.Encode(value)));
    }

    [Fact]
    public void Map_NewtypeOverUInt64_EncodesAndPacksLikeUInt64()
    {
        var wrapped = SszCodecs.Map(SszCodecs.UInt64, v => new Amount(v), a => a.Value);
        Assert.IsAssignableFrom<ISszBasicCodec<Amount>>(wrapped);
        Amount[] amounts = [new(1), new(2), new(3), new(4), new(5)];
        var raw = amounts.Select(a => a.Value).ToArray();
        var list = SszCodecs.List(wrapped, 100);
        Assert.Equal(SszCodecs.List(SszCodecs.UInt64, 100).Encode(raw), list.Encode(amounts));
        Assert.Equal(SszCodecs.List(SszCodecs.UInt64, 100).HashTreeRoot(raw), list.HashTreeRoot(amounts));
        Assert.Equal(amounts, list.Decode(list.Encode(amounts)));
    }

    [Fact]
    public void Decode_BadElementInsideList_NamesTheIndex()
    {
        var codec = SszCodecs.List(SszCodecs.Bitlist(8), 4);
        byte[] data = [12, 0, 0, 0, 13, 0, 0, 0, 14, 0, 0, 0, 0x03, 0x05, 0x00];
        var error = Assert.Throws<SszException>(() => codec.Decode(data));
        Assert.Equal("List[Bitlist[8], 4][2]", error.Field);
    }

    [Fact]
    public void Decode_BadFieldDeepInContainer_NamesThePath()
    {
        var inner = new VarTestStruct(1, [2], 3);
        var value = new ComplexTestStruct(1, [], 2, [], inner, Enumerable.Repeat(new FixedTestStruct(1, 2, 3), 4).ToArray(), [inner, inner]);
        byte[] data = [.. ComplexTestStruct.Codec.Encode(value), 0xff];
        var error = Assert.Throws<SszException>(() => ComplexTestStruct.Codec.Decode(data));
        Assert.Equal("ComplexTestStruct.G[1].B", error.Field);
    }

    [Fact]
    public void Decode_FirstOffsetNotFixedPartSize_NamesTheField()
    {
        var encoded = VarTestStruct.Codec.Encode(new VarTestStruct(1, [5, 6], 2));
        encoded[2] = 8;
        var error = Assert.Throws<SszException>(() => VarTestStruct.Codec.Decode(encoded));
        Assert.Equal("VarTestStruct.B", error.Field);
    }

    [Fact]
    public void Decode_ListOverLimit_Throws()
    {
        Assert.Throws<SszException>(() => SszCodecs.List(SszCodecs.UInt16, 2).Decode(new byte[6]));
        Assert.Throws<SszException>(() => SszCodecs.ByteList(2).Decode(new byte[3]));
    }

    [Fact]
    public void Encode_ListOverLimit_Throws()
    {
        Assert.Throws<SszException>(() => SszCodecs.List(SszCodecs.UInt16, 2).Encode([1, 2, 3]));
        Assert.Throws<SszException>(() => SszCodecs.Bitlist(2).Encode([true, true, true]));
    }

    [Fact]
    public void Decode_EmptyListOfVariableElements_IsEmpty()
    {
        Assert.Empty(SszCodecs.List(VarTestStruct.Codec, 3).Decode([]));
    }

    [Fact]
    public void Writer_FieldOfWrongShape_ThrowsInvalidOperation()
    {
        var layout = new SszContainerLayout("Pair", ("a", SszCodecs.UInt64), ("b", SszCodecs.UInt64));
        var buffer = new byte[16];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = layout.Writer(buffer);
            writer.Write(SszCodecs.UInt32, 1u);
        });
    }

    [Fact]
    public void RoundTrip_RandomComplexValues_DecodeEqualsEncodeInput()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var value = RandomComplex(random);
            var encoded = ComplexTestStruct.Codec.Encode(value);
            var decoded = ComplexTestStruct.Codec.Decode(encoded);
            Assert.Equal(encoded, ComplexTestStruct.Codec.Encode(decoded));
            Assert.Equal(ComplexTestStruct.Codec.HashTreeRoot(value), ComplexTestStruct.Codec.HashTreeRoot(decoded));
        }
    }

    internal static ComplexTestStruct RandomComplex(Random random)
    {
        VarTestStruct RandomVar() => new((ushort)random.Next(), RandomUInt16s(random, random.Next(0, 20)), (byte)random.Next());
        return new ComplexTestStruct(
            (ushort)random.Next(),
            RandomUInt16s(random, random.Next(0, 128)),
            (byte)random.Next(),
            Enumerable.Range(0, random.Next(0, 256)).Select(_ => (byte)random.Next()).ToArray(),
            RandomVar(),
            Enumerable.Range(0, 4).Select(_ => new FixedTestStruct((byte)random.Next(), (ulong)random.NextInt64(), (uint)random.Next())).ToArray(),
            [RandomVar(), RandomVar()]);
    }

    private static ushort[] RandomUInt16s(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (ushort)random.Next()).ToArray();

    private readonly record struct Amount(ulong Value);
}
