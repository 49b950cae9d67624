using NativeDvt.Consensus.Shuffling;
using NativeDvt.Tests;

namespace NativeDvt.Consensus.Tests.Shuffling;

[Trait("Category", "Vectors")]
public sealed class ShufflingVectorTests
{
    [Theory]
    [InlineData("shuffling/shuffling_minimal.json", 10)]
    [InlineData("shuffling/shuffling_mainnet.json", 90)]
    public void ComputeShuffledIndex_EveryCase_MatchesMapping(string file, int rounds)
    {
        using var document = Vectors.Load(file);
        Assert.Equal(rounds, document.RootElement.GetProperty("shuffle_round_count").GetInt32());
        var failures = new List<string>();
        var cases = Vectors.Cases(document);
        foreach (var testCase in cases)
        {
            var name = testCase.GetProperty("name").GetString()!;
            var seed = Vectors.Hex(testCase.GetProperty("input").GetProperty("seed").GetString()!);
            var count = testCase.GetProperty("input").GetProperty("count").GetInt32();
            var mapping = testCase.GetProperty("output").GetProperty("mapping").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            if (mapping.Length != count)
            {
                failures.Add($"{name}: mapping has {mapping.Length} entries");
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                if (SwapOrNot.ComputeShuffledIndex((ulong)i, (ulong)count, seed, rounds) != (ulong)mapping[i])
                {
                    failures.Add($"{name}: index {i}");
                    break;
                }
            }

            var list = Enumerable.Range(0, count).ToArray();
            SwapOrNot.ShuffleList<int>(list, seed, rounds);
            if (!list.SequenceEqual(mapping))
            {
                failures.Add($"{name}: whole-list shuffle differs");
            }
        }

        Assert.True(cases.Count > 0);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
