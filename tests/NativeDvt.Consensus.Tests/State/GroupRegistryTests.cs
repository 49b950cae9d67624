using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.State;

[Trait("Category", "Unit")]
public sealed class GroupRegistryTests
{
    [Fact]
    public void FindByPubkey_AcrossCopiesRotationsAndAdditions_SeesOnlyItsOwnChanges()
    {
        var genesis = TestChain.Create([.. Enumerable.Repeat((3, 2), 8)]).Genesis;
        var original = genesis.Copy();
        Assert.Equal(new GroupIndex(3), original.Groups.FindByPubkey(TestChain.MemberKey(3, 1)));

        var copy = original.Copy();
        var rotated = InsecureTestScheme.PublicKey(77_777);
        var group = copy.Groups[3];
        copy.Groups.Set(3, group with { Pubkeys = [group.Pubkeys[0], rotated, group.Pubkeys[2]] });
        var added = InsecureTestScheme.PublicKey(88_888);
        copy.AddGroup(new Group { Pubkeys = [added], Threshold = 1, EffectiveBalance = new Gwei(32_000_000_000) }, 32_000_000_000);

        Assert.Null(copy.Groups.FindByPubkey(TestChain.MemberKey(3, 1)));
        Assert.Equal(new GroupIndex(3), copy.Groups.FindByPubkey(rotated));
        Assert.Equal(new GroupIndex(8), copy.Groups.FindByPubkey(added));
        Assert.Equal(new GroupIndex(3), original.Groups.FindByPubkey(TestChain.MemberKey(3, 1)));
        Assert.Null(original.Groups.FindByPubkey(rotated));
        Assert.Null(original.Groups.FindByPubkey(added));
        Assert.Equal(new GroupIndex(8), copy.Copy().Groups.FindByPubkey(added));
    }

    [Fact]
    public void ListRoot_BeforeAndAfterAChange_EqualsTheGenericListRoot()
    {
        var state = TestChain.Create([.. Enumerable.Repeat((3, 2), 8)]).Genesis.Copy();
        var codec = SszCodecs.List(Group.Codec, 1L << 40);
        Assert.Equal(codec.HashTreeRoot(state.Groups.Entries), state.Groups.ListRoot(1UL << 40));
        var copy = state.Copy();
        copy.Groups.Set(2, copy.Groups[2] with { Slashed = true });
        Assert.Equal(codec.HashTreeRoot(copy.Groups.Entries), copy.Groups.ListRoot(1UL << 40));
        Assert.NotEqual(state.Groups.ListRoot(1UL << 40), copy.Groups.ListRoot(1UL << 40));
    }

    [Fact]
    public void Roots_AfterSet_RecomputesOnlyThatEntry()
    {
        var state = TestChain.Create([.. Enumerable.Repeat((3, 2), 8)]).Genesis.Copy();
        var before = state.Groups.Roots().ToArray();
        state.Groups.Set(5, state.Groups[5] with { Slashed = true });
        var after = state.Groups.Roots().ToArray();
        Assert.Equal(7, before.Zip(after).Count(pair => pair.First == pair.Second));
        Assert.Equal(Group.Codec.HashTreeRoot(state.Groups[5]), after[5]);
    }
}
