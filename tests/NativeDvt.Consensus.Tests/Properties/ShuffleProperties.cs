using CsCheck;
using NativeDvt.Consensus.Shuffling;

namespace NativeDvt.Consensus.Tests.Properties;

[Trait("Category", "Property")]
public sealed class ShuffleProperties
{
    [Fact]
    public void ShuffleList_AnySeedAndCount_EqualsComputeShuffledIndexAtEveryPosition()
    {
        Gen.Select(Gen.Int[0, 700], Gen.Byte.Array[32], Gen.Int[1, 12]).Sample((count, seed, rounds) =>
        {
            var list = Enumerable.Range(0, count).ToArray();
            SwapOrNot.ShuffleList<int>(list, seed, rounds);
            for (var i = 0; i < count; i++)
            {
                if ((ulong)list[i] != SwapOrNot.ComputeShuffledIndex((ulong)i, (ulong)count, seed, rounds))
                {
                    return false;
                }
            }

            return true;
        }, iter: 60);
    }
}
