using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.InclusionLists;

[Trait("Category", "Unit")]
public sealed class InclusionListRulesTests
{
    private static readonly Slot ListSlot = new(2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LeaderAndFollowers_ReachingThreshold_AssembleAValidList(bool aggregates)
    {
        var (chain, committee, list) = Setup(aggregates);
        var state = chain.Genesis;
        var group = state.Groups[list.GroupIndex];
        var root = InclusionListRules.RootOf(list);
        var signingRoot = InclusionListRules.SigningRoot(state, list);
        Bytes SignBy(int member) => InsecureTestScheme.Sign(group.Pubkeys[member], signingRoot);

        Assert.Null(InclusionListRules.CheckMemberSignature(state, ListSlot, list.GroupIndex, 3, root, SignBy(3), chain.Scheme));
        Assert.NotNull(InclusionListRules.CheckMemberSignature(state, ListSlot, list.GroupIndex, 2, root, SignBy(3), chain.Scheme));
        Assert.NotNull(InclusionListRules.CheckMemberSignature(state, ListSlot, list.GroupIndex, 9, root, SignBy(3), chain.Scheme));

        Func<IReadOnlyList<Bytes>, Bytes>? aggregate = aggregates ? InsecureTestScheme.Aggregate : null;
        var shares = new Dictionary<int, Bytes> { [3] = SignBy(3), [0] = SignBy(0) };
        Assert.Null(InclusionListRules.Assemble(group, list, shares, aggregate));
        shares[1] = SignBy(1);
        var signed = InclusionListRules.Assemble(group, list, shares, aggregate);
        Assert.NotNull(signed);
        Assert.Null(InclusionListRules.CheckSigned(state, signed, committee, chain.Scheme));
    }

    [Fact]
    public void CheckSigned_FewerThanM_IsRejected()
    {
        var (chain, committee, list) = Setup(true);
        var group = chain.Genesis.Groups[list.GroupIndex];
        var signature = chain.Sign(group, Epoch.Zero, InclusionListRules.SigningRoot(chain.Genesis, list), [0, 1]);
        Assert.Equal("2 signers, at least 3 needed", InclusionListRules.CheckSigned(chain.Genesis, new SignedInclusionList(list, signature), committee, chain.Scheme));
    }

    [Fact]
    public void CheckSigned_SignedUnderAnotherDomain_IsRejected()
    {
        var (chain, committee, list) = Setup(true);
        var group = chain.Genesis.Groups[list.GroupIndex];
        var wrongRoot = chain.SigningRoot(chain.Genesis, InclusionListRules.RootOf(list), Domains.BeaconProposer, Epoch.Zero);
        var signature = chain.Sign(group, Epoch.Zero, wrongRoot, [0, 1, 2]);
        Assert.Equal("invalid aggregate signature", InclusionListRules.CheckSigned(chain.Genesis, new SignedInclusionList(list, signature), committee, chain.Scheme));
    }

    [Fact]
    public void CheckMessage_GroupOutsideCommittee_WrongRoot_TooManyBytes_EmptyTransaction_AreRejected()
    {
        var (chain, committee, list) = Setup(true);
        var state = chain.Genesis;
        Assert.Null(InclusionListRules.CheckMessage(state, list, committee));
        var outsider = Enumerable.Range(0, state.Groups.Count).Select(i => new GroupIndex((ulong)i)).First(g => !committee.Contains(g));
        Assert.Contains("not in the inclusion-list committee", InclusionListRules.CheckMessage(state, list with { GroupIndex = outsider }, committee));
        Assert.Contains("committee_root", InclusionListRules.CheckMessage(state, list with { InclusionListCommitteeRoot = Root.Zero }, committee));
        var big = list with { Transactions = [Bytes.Wrap(new byte[5000]), Bytes.Wrap(new byte[3193])] };
        Assert.Contains("MAX_BYTES_PER_INCLUSION_LIST", InclusionListRules.CheckMessage(state, big, committee));
        Assert.Null(InclusionListRules.CheckMessage(state, list with { Transactions = [Bytes.Wrap(new byte[8192])] }, committee));
        Assert.Equal("an empty transaction", InclusionListRules.CheckMessage(state, list with { Transactions = [Bytes.Empty] }, committee));
    }

    [Fact]
    public void SignedInclusionList_BadTransactionsOffset_ThrowsSszExceptionNamingTheField()
    {
        var (_, _, list) = Setup(true);
        var bytes = InclusionList.Codec.Encode(list);
        BitConverter.GetBytes(0xffff).CopyTo(bytes, 8 + 8 + 32);
        var error = Assert.Throws<SszException>(() => InclusionList.Codec.Decode(bytes));
        Assert.Equal("InclusionList.transactions", error.Field);
    }

    [Fact]
    public void SignedInclusionList_ShorterThanFixedPart_ThrowsSszException()
    {
        var (chain, _, list) = Setup(true);
        var group = chain.Genesis.Groups[list.GroupIndex];
        var signed = new SignedInclusionList(list, chain.Sign(group, Epoch.Zero, InclusionListRules.SigningRoot(chain.Genesis, list), [0, 1, 2]));
        var bytes = SignedInclusionList.Codec.Encode(signed);
        Assert.Equal(bytes, SignedInclusionList.Codec.Encode(SignedInclusionList.Codec.Decode(bytes)));
        var error = Assert.Throws<SszException>(() => SignedInclusionList.Codec.Decode(bytes.AsSpan(0, 6).ToArray()));
        Assert.StartsWith("SignedInclusionList", error.Field);
    }

    private static (TestChain Chain, GroupIndex[] Committee, InclusionList List) Setup(bool aggregates)
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((5, 3), 24)], aggregates: aggregates);
        var committee = InclusionListCommittee.Get(chain.Genesis, ListSlot);
        var list = new InclusionList(ListSlot, committee[0], InclusionListCommittee.RootOf(committee, chain.Preset.InclusionListCommitteeSize), [Bytes.Wrap([1, 2, 3]), Bytes.Wrap([4, 5])]);
        return (chain, committee, list);
    }
}
