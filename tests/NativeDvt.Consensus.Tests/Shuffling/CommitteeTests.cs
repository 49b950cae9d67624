using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Shuffling;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Tests.Support;

namespace NativeDvt.Consensus.Tests.Shuffling;

[Trait("Category", "Unit")]
public sealed class CommitteeTests
{
    [Fact]
    public void GetBeaconCommittee_EverySlotAndIndex_EqualsSpecComputeCommittee()
    {
        var chain = TestChain.Create([.. Enumerable.Range(0, 150).Select(i => (1 + (i % 4), ((1 + (i % 4)) / 2) + 1))]);
        var state = chain.Run(chain.Genesis, 3, attest: false);
        var preset = chain.Preset;
        var epoch = state.CurrentEpoch;
        var active = state.GetActiveGroupIndices(epoch);
        var seed = new byte[32];
        state.GetSeed(epoch, Domains.BeaconAttester).CopyTo(seed);
        var perSlot = state.GetCommitteeCountPerSlot(epoch);
        Assert.Equal(Math.Max(1UL, Math.Min(preset.MaxCommitteesPerSlot, (ulong)active.Length / preset.SlotsPerEpoch / preset.TargetCommitteeSize)), perSlot);
        var count = perSlot * preset.SlotsPerEpoch;
        var seen = new List<int>();
        for (ulong s = 0; s < preset.SlotsPerEpoch; s++)
        {
            for (ulong c = 0; c < perSlot; c++)
            {
                var index = (s * perSlot) + c;
                var start = (ulong)active.Length * index / count;
                var end = (ulong)active.Length * (index + 1) / count;
                var expected = new List<int>();
                for (var i = start; i < end; i++)
                {
                    expected.Add(active[(int)SwapOrNot.ComputeShuffledIndex(i, (ulong)active.Length, seed, preset.ShuffleRoundCount)]);
                }

                var committee = state.GetBeaconCommittee(new Slot((epoch.Value * preset.SlotsPerEpoch) + s), new CommitteeIndex(c)).ToArray();
                Assert.Equal(expected, committee);
                seen.AddRange(committee);
            }
        }

        Assert.Equal(active.Order(), seen.Order());
    }
}
