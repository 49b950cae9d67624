namespace NativeDvt.Ssz.Generator.Tests;

/// <summary>
/// A generated codec with every shape attribute: a vector of basic values, of bytes and of containers, a bitvector, a
/// bitlist and a byte list. The expected bytes are worked out from the spec by hand.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ShapeEmitTests
{
    private const string Declarations = """
        using System.Collections.Generic;
        using NativeDvt.Ssz;

        [assembly: SszCodecProvider(typeof(SszCodecs))]

        [SszContainer]
        public sealed partial record Pair(byte A, ulong B);

        [SszContainer]
        public sealed partial record Shaped(
            [SszVector(2)] IReadOnlyList<ushort> Numbers,
            [SszVector(3)] byte[] Bytes,
            [SszBitvector(4)] bool[] Flags,
            [SszBitlist(10)] bool[] Votes,
            [SszVector(2)] IReadOnlyList<Pair> Pairs,
            [SszList(4)] byte[] Tail);

        public static class Probe
        {
            private static readonly Shaped Value = new(
                [1, 2], [7, 8, 9], [true, false, true, true], [true, false, true], [new Pair(3, 4), new Pair(5, 6)], [5, 6]);

            public static byte[] Encode() => Shaped.Codec.Encode(Value);

            public static byte[] RoundTrip(byte[] data) => Shaped.Codec.Encode(Shaped.Codec.Decode(data));

            public static Bytes32 Root() => Shaped.Codec.HashTreeRoot(Value);

            public static string DecodeError(byte[] data)
            {
                try
                {
                    Shaped.Codec.Decode(data);
                    return "";
                }
                catch (SszException e)
                {
                    return e.Field + ": " + e.Reason;
                }
            }
        }
        """;

    // numbers | bytes | flags 1011 | offset 34 | pairs (3, 4), (5, 6) | offset 35 | votes 101 + delimiter | tail.
    private const string FixedPart =
        "01000200" + "070809" + "0d" + "22000000" + "03" + "0400000000000000" + "05" + "0600000000000000" + "23000000";

    private static readonly Lazy<Type> Probe = new(() => GeneratorRun.Of(Declarations).Load().GetType("Probe", throwOnError: true)!);

    [Fact]
    public void Generated_CompilesWithoutWarnings()
    {
        var run = GeneratorRun.Of(Declarations);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Encode_EveryShape_AsTheSpecLaysItOut()
    {
        var expected = Convert.FromHexString(FixedPart + "0d" + "0506");
        var encoded = Call<byte[]>("Encode");
        Assert.Equal(expected, encoded);
        Assert.Equal(expected, Call<byte[]>("RoundTrip", encoded));
    }

    [Fact]
    public void HashTreeRoot_IsTheMerkleRootOfTheFieldRoots()
    {
        Bytes32[] roots =
        [
            SszCodecs.Vector(SszCodecs.UInt16, 2).HashTreeRoot([1, 2]),
            SszCodecs.ByteVector(3).HashTreeRoot([7, 8, 9]),
            SszCodecs.Bitvector(4).HashTreeRoot([true, false, true, true]),
            SszCodecs.Bitlist(10).HashTreeRoot([true, false, true]),
            Merkle.Hash(PairRoot(3, 4), PairRoot(5, 6)),
            SszCodecs.ByteList(4).HashTreeRoot([5, 6]),
            default,
            default,
        ];
        var expected = Merkle.Hash(
            Merkle.Hash(Merkle.Hash(roots[0], roots[1]), Merkle.Hash(roots[2], roots[3])),
            Merkle.Hash(Merkle.Hash(roots[4], roots[5]), Merkle.Hash(roots[6], roots[7])));
        Assert.Equal(expected, Call<Bytes32>("Root"));
    }

    [Fact]
    public void Decode_BitlistOverItsLimit_FailsAtTheField()
    {
        // Eleven set bits, then the delimiter: one over Bitlist[10].
        var tooLong = Convert.FromHexString(FixedPart.Replace("23000000", "24000000", StringComparison.Ordinal) + "ff0f" + "0506");
        Assert.StartsWith("Shaped.votes: ", Call<string>("DecodeError", tooLong), StringComparison.Ordinal);
    }

    private static Bytes32 PairRoot(byte a, ulong b) => Merkle.Hash(SszCodecs.UInt8.HashTreeRoot(a), SszCodecs.UInt64.HashTreeRoot(b));

    private static T Call<T>(string method, params object[] arguments) => GeneratorRun.Call<T>(Probe.Value, method, arguments);
}
