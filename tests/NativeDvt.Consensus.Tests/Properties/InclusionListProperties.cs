using System.Collections.Concurrent;
using CsCheck;
using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.Properties;

[Trait("Category", "Property")]
public sealed class InclusionListProperties
{
    private static readonly ConcurrentDictionary<int, TestChain> Chains = new();

    [Fact]
    public void Committee_AnyRegistryAndSlot_IsDeterministicOfCommitteeSizeAndOnlyActiveGroups()
    {
        Gen.Select(Gen.Int[1, 160], Gen.Int[0, 15]).Sample((groups, slot) =>
        {
            var chain = Chains.GetOrAdd(groups, g => TestChain.Create([.. Enumerable.Repeat((1, 1), g)]));
            var committee = InclusionListCommittee.Get(chain.Genesis, new Slot((ulong)slot));
            var again = InclusionListCommittee.Get(chain.Genesis.Copy(), new Slot((ulong)slot));
            return committee.Length == 16
                && committee.SequenceEqual(again)
                && committee.All(g => g.Value < (ulong)groups)
                && InclusionListCommittee.Members(committee).Length == Math.Min(16, committee.Distinct().Count());
        }, iter: 40);
    }

    [Fact]
    public void Committee_AtLeastAnEpochOfPositions_EveryGroupServesAtMostOncePerEpoch()
    {
        Gen.Int[128, 200].Sample(groups =>
        {
            var chain = Chains.GetOrAdd(groups, g => TestChain.Create([.. Enumerable.Repeat((1, 1), g)]));
            var epoch = Enumerable.Range(0, 8).SelectMany(s => InclusionListCommittee.Get(chain.Genesis, new Slot((ulong)s))).ToList();
            return epoch.Distinct().Count() == epoch.Count;
        }, iter: 8);
    }

    [Fact]
    public void BuildPayload_AnyListsOwnTransactionsAndCapacity_FitsHasNoDuplicatesAndSatisfiesTheLists()
    {
        var transaction = Gen.Select(Gen.Int[0, 11], Gen.Int[1, 40]).Select((id, size) =>
        {
            var bytes = new byte[size];
            bytes[0] = (byte)id;
            return Bytes.Wrap(bytes);
        });
        var list = Gen.Select(Gen.Int[0, 30], transaction.List[0, 6]).Select((group, txs) => new InclusionList(Slot.Zero, new GroupIndex((ulong)group), Root.Zero, txs));
        Gen.Select(list.List[0, 5], transaction.List[0, 10], Gen.Int[0, 300]).Sample((lists, own, capacity) =>
        {
            var payload = InclusionListSatisfaction.BuildPayload(lists, own, (ulong)capacity);
            return TransactionLists.TotalBytes(payload) <= (ulong)capacity
                && payload.Distinct().Count() == payload.Count
                && InclusionListSatisfaction.IsSatisfied(payload, (ulong)capacity, lists);
        }, iter: 300);
    }

    [Fact]
    public void Omissions_RemovingAListedTransactionThatFits_IsAlwaysReported()
    {
        var transaction = Gen.Int[1, 30].Select(size => Bytes.Wrap([.. Enumerable.Range(0, size).Select(i => (byte)(i * 7 + size))]));
        Gen.Select(transaction.List[1, 8], Gen.Int[0, 7]).Sample((txs, pick) =>
        {
            var distinct = txs.Distinct().ToList();
            var removed = distinct[pick % distinct.Count];
            var lists = new[] { new InclusionList(Slot.Zero, new GroupIndex(3), Root.Zero, distinct) };
            var payload = distinct.Where(t => t != removed).ToList();
            var omissions = InclusionListSatisfaction.Omissions(payload, 10_000, lists);
            return omissions.Count == 1 && omissions[0].Transaction == removed && omissions[0].Group == new GroupIndex(3);
        }, iter: 200);
    }
}
