using System.Globalization;
using System.Text.RegularExpressions;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>Parses the vectors' type declarations (<c>uint16</c>, <c>Vector[bool, 3]</c>, <c>Bitlist[8]</c>, container names).</summary>
internal static partial class VectorTypes
{
    public static IVectorType Parse(string declaration)
    {
        switch (declaration)
        {
            case "uint8": return new VectorType<byte>(SszCodecs.UInt8, JsonConverters.UInt8);
            case "uint16": return new VectorType<ushort>(SszCodecs.UInt16, JsonConverters.UInt16);
            case "uint32": return new VectorType<uint>(SszCodecs.UInt32, JsonConverters.UInt32);
            case "uint64": return new VectorType<ulong>(SszCodecs.UInt64, JsonConverters.UInt64);
            case "uint128": return new VectorType<UInt128>(SszCodecs.UInt128, JsonConverters.UInt128);
            case "uint256": return new VectorType<System.Numerics.BigInteger>(SszCodecs.UInt256, JsonConverters.UInt256);
            case "boolean" or "bool": return new VectorType<bool>(SszCodecs.Boolean, JsonConverters.Boolean);
            case nameof(SingleFieldTestStruct): return Container(SingleFieldTestStruct.Codec);
            case nameof(SmallTestStruct): return Container(SmallTestStruct.Codec);
            case nameof(FixedTestStruct): return Container(FixedTestStruct.Codec);
            case nameof(VarTestStruct): return Container(VarTestStruct.Codec);
            case nameof(ComplexTestStruct): return Container(ComplexTestStruct.Codec);
            case nameof(BitsStruct): return Container(BitsStruct.Codec);
        }

        var match = Generic().Match(declaration);
        if (!match.Success)
        {
            throw new ArgumentException($"unknown type declaration {declaration}");
        }

        var size = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["kind"].Value switch
        {
            "Bitvector" => new VectorType<bool[]>(SszCodecs.Bitvector(size), JsonConverters.Bitvector(size)),
            "Bitlist" => new VectorType<bool[]>(SszCodecs.Bitlist(size), JsonConverters.Bitlist()),
            "Vector" => BasicVector(match.Groups["elem"].Value, size),
            _ => throw new ArgumentException($"unknown type declaration {declaration}"),
        };
    }

    private static VectorType<T> Container<T>(ISszCodec<T> codec) => new(codec, ContainerJson.For<T>());

    private static IVectorType BasicVector(string element, int length) => element switch
    {
        "uint8" => new VectorType<IReadOnlyList<byte>>(SszCodecs.Vector(SszCodecs.UInt8, length), JsonConverters.Sequence(JsonConverters.UInt8)),
        "uint16" => new VectorType<IReadOnlyList<ushort>>(SszCodecs.Vector(SszCodecs.UInt16, length), JsonConverters.Sequence(JsonConverters.UInt16)),
        "uint32" => new VectorType<IReadOnlyList<uint>>(SszCodecs.Vector(SszCodecs.UInt32, length), JsonConverters.Sequence(JsonConverters.UInt32)),
        "uint64" => new VectorType<IReadOnlyList<ulong>>(SszCodecs.Vector(SszCodecs.UInt64, length), JsonConverters.Sequence(JsonConverters.UInt64)),
        "uint128" => new VectorType<IReadOnlyList<UInt128>>(SszCodecs.Vector(SszCodecs.UInt128, length), JsonConverters.Sequence(JsonConverters.UInt128)),
        "uint256" => new VectorType<IReadOnlyList<System.Numerics.BigInteger>>(SszCodecs.Vector(SszCodecs.UInt256, length), JsonConverters.Sequence(JsonConverters.UInt256)),
        "bool" => new VectorType<IReadOnlyList<bool>>(SszCodecs.Vector(SszCodecs.Boolean, length), JsonConverters.Sequence(JsonConverters.Boolean)),
        _ => throw new ArgumentException($"unknown vector element {element}"),
    };

    [GeneratedRegex(@"^(?<kind>Bitvector|Bitlist|Vector)\[(?:(?<elem>\w+), )?(?<n>\d+)\]$")]
    private static partial Regex Generic();
}
