using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.InclusionLists;

[Trait("Category", "Unit")]
public sealed class InclusionListCommitteeTests
{
    [Fact]
    public void Get_SameStateAndSlot_IsDeterministicAndOfCommitteeSize()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((3, 2), 40)]);
        var first = InclusionListCommittee.Get(chain.Genesis, new Slot(3));
        var again = InclusionListCommittee.Get(chain.Genesis.Copy(), new Slot(3));
        Assert.Equal((int)chain.Preset.InclusionListCommitteeSize, first.Length);
        Assert.Equal(first, again);
        Assert.All(first, g => Assert.InRange(g.Value, 0UL, 39UL));
        Assert.NotEqual(first, InclusionListCommittee.Get(chain.Genesis, new Slot(4)));
    }

    [Fact]
    public void Get_EnoughGroupsForAnEpoch_NoGroupServesTwiceInTheEpoch()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((1, 1), 8 * 16)]);
        var all = Enumerable.Range(0, 8).SelectMany(s => InclusionListCommittee.Get(chain.Genesis, new Slot((ulong)s))).ToList();
        Assert.Equal(128, all.Distinct().Count());
    }

    [Fact]
    public void Get_FewGroups_RepeatsGroupsAndMembersAreDistinct()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((4, 3), 5)]);
        var committee = InclusionListCommittee.Get(chain.Genesis, new Slot(1));
        Assert.Equal(16, committee.Length);
        Assert.Equal(committee.Distinct().Order().ToArray(), InclusionListCommittee.Members(committee));
        Assert.True(InclusionListCommittee.Members(committee).Length <= 5);
    }

    [Fact]
    public void Get_SlotTwoEpochsAhead_Throws()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((1, 1), 8)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionListCommittee.Get(chain.Genesis, new Slot(16)));
    }

    [Fact]
    public void RootOf_EqualsTheGenericUInt64ListRoot()
    {
        GroupIndex[] committee = [new(5), new(1), new(5), new(9)];
        var generic = SszCodecs.List(SszCodecs.UInt64, 16).HashTreeRoot([5UL, 1UL, 5UL, 9UL]);
        Assert.Equal(generic.ToArray(), InclusionListCommittee.RootOf(committee, 16).ToArray());
    }
}
