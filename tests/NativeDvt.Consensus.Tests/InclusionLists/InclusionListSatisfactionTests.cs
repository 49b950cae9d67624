using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.InclusionLists;

[Trait("Category", "Unit")]
public sealed class InclusionListSatisfactionTests
{
    private static readonly Bytes A = Tx(1, 10), B = Tx(2, 10), C = Tx(3, 10), D = Tx(4, 10);

    [Fact]
    public void Omissions_EveryListedTransactionIncluded_IsSatisfied()
    {
        Assert.True(InclusionListSatisfaction.IsSatisfied([C, B, A, D], 1000, [List(1, A, B), List(0, B, C)]));
    }

    [Fact]
    public void Omissions_MissingTransactionWithRoom_ReportedOnceWithTheLowestGroup()
    {
        var omissions = InclusionListSatisfaction.Omissions([A], 1000, [List(7, A, B), List(3, B, C)]);
        Assert.Equal([new InclusionListOmission(new GroupIndex(3), B), new InclusionListOmission(new GroupIndex(3), C)], omissions);
    }

    [Fact]
    public void Omissions_MissingTransactionThatDoesNotFit_IsExcused()
    {
        Assert.True(InclusionListSatisfaction.IsSatisfied([A, D], 25, [List(0, A, B)]));
        Assert.False(InclusionListSatisfaction.IsSatisfied([A, D], 30, [List(0, A, B)]));
    }

    [Fact]
    public void Omissions_NoLists_IsSatisfied()
    {
        Assert.Empty(InclusionListSatisfaction.Omissions([], 0, []));
    }

    [Fact]
    public void BuildPayload_ListsFirstThenOwn_NoDuplicates_SkipsWhatDoesNotFit()
    {
        var big = Tx(9, 25);
        var payload = InclusionListSatisfaction.BuildPayload([List(2, C, A), List(1, A, B)], [D, big, A], 40);
        Assert.Equal([A, B, C, D], payload);
    }

    private static InclusionList List(int group, params Bytes[] transactions) => new(Slot.Zero, new GroupIndex((ulong)group), Root.Zero, transactions);

    private static Bytes Tx(int id, int size)
    {
        var bytes = new byte[size];
        bytes[0] = (byte)id;
        return Bytes.Wrap(bytes);
    }
}
