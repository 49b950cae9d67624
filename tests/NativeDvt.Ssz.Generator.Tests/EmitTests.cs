namespace NativeDvt.Ssz.Generator.Tests;

/// <summary>
/// A generated codec compiled and run: positional and property containers, a nested variable container, a list with
/// its limit, a renamed field. The expected bytes and roots are worked out from the spec by hand.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EmitTests
{
    private const string Declarations = """
        using System.Collections.Generic;
        using NativeDvt.Ssz;

        [assembly: SszCodecProvider(typeof(SszCodecs))]

        [SszContainer]
        public sealed partial record Inner(ulong A, [SszList(4)] IReadOnlyList<ulong> B);

        [SszContainer]
        public sealed partial class Outer
        {
            [SszField(0)]
            public ulong Slot { get; init; }

            [SszField(1, Name = "inner_value")]
            public Inner Inner { get; init; } = new(0, []);
        }

        public static class Probe
        {
            private static readonly Outer Value = new() { Slot = 5, Inner = new Inner(7, [1, 2]) };

            public static byte[] Encode() => Outer.Codec.Encode(Value);

            public static byte[] RoundTrip(byte[] data) => Outer.Codec.Encode(Outer.Codec.Decode(data));

            public static Bytes32 Root() => Outer.Codec.HashTreeRoot(Value);

            public static string DecodeError(byte[] data)
            {
                try
                {
                    Outer.Codec.Decode(data);
                    return "";
                }
                catch (SszException e)
                {
                    return e.Field + ": " + e.Reason;
                }
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(() => GeneratorRun.Of(Declarations).Load().GetType("Probe", throwOnError: true)!);

    [Fact]
    public void Generated_CompilesWithoutWarnings()
    {
        var run = GeneratorRun.Of(Declarations);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Encode_FixedPartThenVariable_AsTheSpecLaysItOut()
    {
        // Outer: slot, offset 12 | Inner: a, offset 12 | b: 1, 2.
        var expected = Convert.FromHexString(
            "0500000000000000" + "0c000000"
            + "0700000000000000" + "0c000000" + "0100000000000000" + "0200000000000000");
        var encoded = Call<byte[]>("Encode");
        Assert.Equal(expected, encoded);
        Assert.Equal(expected, Call<byte[]>("RoundTrip", encoded));
    }

    [Fact]
    public void HashTreeRoot_IsTheMerkleRootOfTheFieldRoots()
    {
        var inner = Merkle.Hash(SszCodecs.UInt64.HashTreeRoot(7), SszCodecs.List(SszCodecs.UInt64, 4).HashTreeRoot([1UL, 2UL]));
        var expected = Merkle.Hash(SszCodecs.UInt64.HashTreeRoot(5), inner);
        Assert.Equal(expected, Call<Bytes32>("Root"));
    }

    [Fact]
    public void Decode_ListOverItsLimit_FailsAtTheRenamedField()
    {
        var tooLong = Convert.FromHexString(
            "0500000000000000" + "0c000000" + "0700000000000000" + "0c000000" + string.Concat(Enumerable.Repeat("0100000000000000", 5)));
        Assert.StartsWith("Outer.inner_value.b: ", Call<string>("DecodeError", tooLong), StringComparison.Ordinal);
    }

    private static T Call<T>(string method, params object[] arguments) => GeneratorRun.Call<T>(Probe.Value, method, arguments);
}
