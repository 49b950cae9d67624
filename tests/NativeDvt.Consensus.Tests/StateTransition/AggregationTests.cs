using NativeDvt.Consensus.Aggregation;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class AggregationTests
{
    [Theory]
    [InlineData(AccountingPolicy.Whole, 1, 0b011)]
    [InlineData(AccountingPolicy.Component, 2, 0b011)]
    public void Aggregate_SplitVote_FollowsThePolicyAndTheChainAccepts(AccountingPolicy policy, int expectedCount, byte expectedFlags)
    {
        var (chain, state, attested) = AttestationTests.Setup(policy);
        var group = state.Groups[attested];
        var epoch = state.CurrentEpoch;

        // Members 0, 1, 2 vote a wrong head, member 3 the right one: the wrong-head data reaches m = 3.
        var wrong = AttestationTests.Make(chain, state, attested, [0], correctHead: false).Data;
        var right = AttestationTests.Make(chain, state, attested, [3], correctHead: true).Data;
        MemberAttestation Vote(int member, AttestationData data) =>
            new(attested, (ulong)member, data, InsecureTestScheme.Sign(group.Pubkeys[member], chain.SigningRoot(state, SszRoots.Of(data), Domains.BeaconAttester, epoch)));
        MemberAttestation[] votes = [Vote(0, wrong), Vote(1, wrong), Vote(2, wrong), Vote(3, right), Vote(1, right) with { MemberIndex = 9 }];

        var aggregated = GroupAttestationAggregator.Aggregate(attested, group, votes, policy, InsecureTestScheme.Aggregate);
        Assert.Equal(expectedCount, aggregated.Count);
        var post = chain.Apply(state, chain.ProduceBlock(state, state.Slot + 1, b => b with { Attestations = aggregated }));
        Assert.Equal(expectedFlags, post.CurrentEpochParticipation[(int)attested.Value] & 0b111);
        Assert.False(ParticipationFlags.Has(post.CurrentEpochParticipation[(int)attested.Value], ParticipationFlags.TimelyHead));
    }

    [Fact]
    public void Aggregate_NonAggregatingScheme_ListsSignaturesInMemberOrder()
    {
        var (chain, state, attested) = AttestationTests.Setup(AccountingPolicy.Whole);
        var group = state.Groups[attested];
        var data = AttestationTests.Make(chain, state, attested, [0], correctHead: true).Data;
        int[] members = [3, 0, 2];
        var votes = members.Select(m => new MemberAttestation(attested, (ulong)m, data, Bytes.Wrap([(byte)m])));
        var single = Assert.Single(GroupAttestationAggregator.Aggregate(attested, group, votes, AccountingPolicy.Whole, aggregate: null));
        Assert.Equal([0, 2, 3], single.Signature.ParticipationBits.Indices());
        Assert.Equal([Bytes.Wrap([0]), Bytes.Wrap([2]), Bytes.Wrap([3])], single.Signature.Signatures);
    }

    [Fact]
    public void MemberAttestationChecks_ValidAndForgedVotes_AreToldApart()
    {
        var (chain, state, attested) = AttestationTests.Setup(AccountingPolicy.Whole);
        var group = state.Groups[attested];
        var data = AttestationTests.Make(chain, state, attested, [0], correctHead: true).Data;
        var root = chain.SigningRoot(state, SszRoots.Of(data), Domains.BeaconAttester, state.CurrentEpoch);
        var vote = new MemberAttestation(attested, 2, data, InsecureTestScheme.Sign(group.Pubkeys[2], root));
        Assert.Null(MemberAttestationChecks.Check(state, vote, chain.Scheme));
        Assert.Equal("invalid member signature", MemberAttestationChecks.Check(state, vote with { MemberIndex = 1 }, chain.Scheme));
        Assert.NotNull(MemberAttestationChecks.Check(state, vote with { MemberIndex = 4 }, chain.Scheme));
        Assert.NotNull(MemberAttestationChecks.Check(state, vote with { GroupIndex = new GroupIndex(attested.Value + 1) }, chain.Scheme));
    }

    [Fact]
    public void Aggregate_OtherGroupsVotes_AreIgnored()
    {
        var (chain, state, attested) = AttestationTests.Setup(AccountingPolicy.Component);
        var data = AttestationTests.Make(chain, state, attested, [0], correctHead: true).Data;
        var votes = new[] { new MemberAttestation(new GroupIndex(attested.Value + 1), 0, data, Bytes.Wrap([1])) };
        Assert.Empty(GroupAttestationAggregator.Aggregate(attested, state.Groups[attested], votes, AccountingPolicy.Component, null));
    }
}
