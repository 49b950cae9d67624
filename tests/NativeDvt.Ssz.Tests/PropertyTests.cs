using CsCheck;
using NativeDvt.Ssz.Tests.Generic;

namespace NativeDvt.Ssz.Tests;

/// <summary>Seeded generated round trips: decode(encode(x)) == x, sizes agree, and equivalent codecs agree on roots.</summary>
[Trait("Category", "Property")]
public sealed class PropertyTests
{
    private static readonly ISszCodec<bool[]> Bitlist = SszCodecs.Bitlist(300);
    private static readonly ISszCodec<IReadOnlyList<ulong>> UInt64List = SszCodecs.List(SszCodecs.UInt64, 1L << 40);
    private static readonly ISszCodec<IReadOnlyList<VarTestStruct>> VarList = SszCodecs.List(VarTestStruct.Codec, 16);

    [Fact]
    public void Bitlist_AnyBits_RoundTripsWithDeclaredSize()
    {
        Gen.Bool.Array[0, 300].Sample(bits =>
        {
            var encoded = Bitlist.Encode(bits);
            Assert.Equal(Bitlist.GetSize(bits), encoded.Length);
            Assert.Equal(bits, Bitlist.Decode(encoded));
        });
    }

    [Fact]
    public void UInt64List_AnyValues_FastRootEqualsGenericRoot()
    {
        Gen.ULong.Array[0, 200].Sample(values =>
        {
            Assert.Equal(UInt64List.HashTreeRoot(values), Merkle.HashTreeRootOfUInt64List(values, 1UL << 40));
            Assert.Equal(values, UInt64List.Decode(UInt64List.Encode(values)));
        });
    }

    [Fact]
    public void ListOfVariableContainers_AnyValues_RoundTrips()
    {
        var element = Gen.Select(Gen.UShort, Gen.UShort.Array[0, 20], Gen.Byte, (a, b, c) => new VarTestStruct(a, b, c));
        element.Array[0, 16].Sample(values =>
        {
            var encoded = VarList.Encode(values);
            var decoded = VarList.Decode(encoded);
            Assert.Equal(encoded, VarList.Encode(decoded));
            Assert.Equal(VarList.HashTreeRoot(values), VarList.HashTreeRoot(decoded));
        });
    }
}
