using System.Text.Json;
using NativeDvt.Ssz.Tests.Generic;
using NativeDvt.Tests;

namespace NativeDvt.Ssz.Tests;

/// <summary>consensus-spec-tests ssz_generic: every case of every file, failures reported by case name.</summary>
[Trait("Category", "Vectors")]
public sealed class SszGenericVectorTests
{
    private const string IllegalTypeMarker = " (illegal type";
    private const string AnyLengthMarker = "[N] (any N";
    private static readonly int[] AnyLengthLimits = [1, 8, 512];

    public static readonly TheoryData<string> Files = new(
        "ssz_generic_uints.json",
        "ssz_generic_boolean.json",
        "ssz_generic_bitvector.json",
        "ssz_generic_bitlist.json",
        "ssz_generic_basic_vector.json",
        "ssz_generic_containers.json");

    [Theory]
    [MemberData(nameof(Files))]
    public void SszGeneric_EveryCase_MatchesExpectation(string file)
    {
        using var document = Vectors.Load("ssz/" + file);
        var cases = Vectors.Cases(document);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var name = testCase.GetProperty("name").GetString()!;
            try
            {
                failures.AddRange(Run(testCase).Select(f => $"{name}: {f}"));
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                failures.Add($"{name}: unexpected {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(cases.Count > 0, $"{file} has no cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void SszGeneric_EveryFileInFolder_IsCovered()
    {
        var folder = Vectors.PathOf("ssz");
        var present = Directory.GetFiles(folder, "ssz_generic_*.json").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Files.Select(row => row.Data).Order().ToArray(), present);
    }

    private static IEnumerable<string> Run(JsonElement testCase)
    {
        var input = testCase.GetProperty("input");
        var declaration = input.GetProperty("type").GetString()!;
        var serialized = Vectors.Hex(input.GetProperty("serialized").GetString()!);
        var output = testCase.GetProperty("output");
        var valid = output.GetProperty("valid").GetBoolean();

        if (declaration.Contains(IllegalTypeMarker, StringComparison.Ordinal))
        {
            // A zero-length vector is not a type at all: the codec refuses to exist, so nothing can decode.
            var bare = declaration[..declaration.IndexOf(IllegalTypeMarker, StringComparison.Ordinal)];
            return Throws<ArgumentOutOfRangeException>(() => VectorTypes.Parse(bare), "building the codec");
        }

        if (declaration.Contains(AnyLengthMarker, StringComparison.Ordinal))
        {
            return AnyLengthLimits.SelectMany(limit =>
                Throws<SszException>(() => VectorTypes.Parse($"Bitlist[{limit}]").Decode(serialized), $"Bitlist[{limit}] decode"));
        }

        var type = VectorTypes.Parse(declaration);
        return valid
            ? type.CheckValid(serialized, output.GetProperty("value"), Bytes32.FromHex(output.GetProperty("root").GetString()!)).ToList()
            : Throws<SszException>(() => type.Decode(serialized), "decode");
    }

    private static string[] Throws<TException>(Action action, string what)
        where TException : Exception
    {
        try
        {
            action();
            return [$"{what} succeeded but must fail"];
        }
        catch (TException)
        {
            return [];
        }
    }
}
