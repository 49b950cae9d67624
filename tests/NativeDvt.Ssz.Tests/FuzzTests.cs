using System.Diagnostics;
using NativeDvt.Ssz.Tests.Generic;
using NativeDvt.Tests;

namespace NativeDvt.Ssz.Tests;

/// <summary>100,000 mutated and random inputs against every decoder: only <see cref="SszException"/> may escape.</summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzTests
{
    private const int Inputs = 100_000;

    private static readonly string[] VectorFiles =
    [
        "ssz_generic_uints.json",
        "ssz_generic_boolean.json",
        "ssz_generic_bitvector.json",
        "ssz_generic_bitlist.json",
        "ssz_generic_basic_vector.json",
        "ssz_generic_containers.json",
    ];

    [Fact]
    public void Decoders_MutatedAndRandomInputs_ThrowOnlySszException()
    {
        var targets = LoadTargets();

        // A decoder that threw SszException on everything would pass the loop: the valid seeds must decode.
        Assert.All(targets, target => Assert.All(target.Valid, seed => target.Decode(seed)));
        var random = new Random(20261124);
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Inputs && failures.Count < 20; i++)
        {
            var target = targets[random.Next(targets.Count)];
            var input = random.Next(10) switch
            {
                0 => SszFuzz.RandomBytes(random, 96),
                1 => SszFuzz.Mutate(targets[random.Next(targets.Count)].Seeds[0], random),
                _ => SszFuzz.Mutate(target.Seeds[random.Next(target.Seeds.Count)], random),
            };
            if (SszFuzz.Probe(target.Decode, input) is { } failure)
            {
                failures.Add($"{target.Name}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Inputs} inputs in {stopwatch.ElapsedMilliseconds} ms");
    }

    private static List<Target> LoadTargets()
    {
        var seeds = new Dictionary<string, List<byte[]>>();
        var valid = new Dictionary<string, List<byte[]>>();
        foreach (var file in VectorFiles)
        {
            using var document = Vectors.Load("ssz/" + file);
            foreach (var testCase in Vectors.Cases(document))
            {
                var input = testCase.GetProperty("input");
                var declaration = input.GetProperty("type").GetString()!;
                if (declaration.Contains(' ', StringComparison.Ordinal) && declaration.Contains('(', StringComparison.Ordinal))
                {
                    continue;
                }

                var serialized = Vectors.Hex(input.GetProperty("serialized").GetString()!);
                var list = seeds.TryGetValue(declaration, out var existing) ? existing : seeds[declaration] = [];
                list.Add(serialized);
                if (testCase.GetProperty("output").GetProperty("valid").GetBoolean())
                {
                    (valid.TryGetValue(declaration, out var good) ? good : valid[declaration] = []).Add(serialized);
                }
            }
        }

        var targets = seeds.Select(pair => new Target(pair.Key, VectorTypes.Parse(pair.Key).Decode, pair.Value, valid.GetValueOrDefault(pair.Key, []))).ToList();
        var complex = ComplexTestStruct.Codec.Encode(CodecTests.RandomComplex(new Random(1)));
        var vars = SszCodecs.List(VarTestStruct.Codec, 8);
        var varSeed = vars.Encode([new VarTestStruct(1, [1, 2], 3), new VarTestStruct(4, [], 5), new VarTestStruct(6, [7], 8)]);
        targets.Add(new Target("List[VarTestStruct, 8]", data => vars.Decode(data), [varSeed, []]));
        var bitlists = SszCodecs.List(SszCodecs.Bitlist(16), 4);
        targets.Add(new Target("List[Bitlist[16], 4]", data => bitlists.Decode(data), [bitlists.Encode([[true], [], [false, true, true]])]));
        targets.Add(new Target("ByteList[64]", data => SszCodecs.ByteList(64).Decode(data), [new byte[10]]));
        targets.Add(new Target("ByteVector[48]", data => SszCodecs.ByteVector(48).Decode(data), [new byte[48]]));
        targets.Add(new Target("ComplexTestStruct (random)", data => ComplexTestStruct.Codec.Decode(data), [complex]));
        return targets;
    }

    /// <summary>A decoder, the encodings its inputs derive from, and those of them that are valid.</summary>
    private sealed record Target(string Name, Action<byte[]> Decode, List<byte[]> Seeds, List<byte[]> Valid)
    {
        /// <summary>A target whose seeds are all valid encodings.</summary>
        public Target(string name, Action<byte[]> decode, List<byte[]> seeds)
            : this(name, decode, seeds, seeds)
        {
        }
    }
}
