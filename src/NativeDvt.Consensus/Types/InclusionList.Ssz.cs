using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: InclusionList { slot, group_index, inclusion_list_committee_root, transactions: List[Transaction, MAX_TRANSACTIONS_PER_PAYLOAD] }.</remarks>
public sealed partial record InclusionList
{
    /// <summary>The SSZ codec of InclusionList.</summary>
    public static ISszCodec<InclusionList> Codec { get; } = new InclusionListCodec();

    private sealed class InclusionListCodec() : SszContainerCodec<InclusionList>(
        new SszContainerLayout(nameof(InclusionList),
            ("slot", ConsensusCodecs.Slot),
            ("group_index", ConsensusCodecs.GroupIndex),
            ("inclusion_list_committee_root", ConsensusCodecs.Root),
            ("transactions", ConsensusCodecs.Transactions)))
    {
        protected override int GetVariableSize(InclusionList value) =>
            ConsensusCodecs.Transactions.GetSize(value.Transactions);

        protected override void WriteFields(ref SszContainerWriter writer, InclusionList value)
        {
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(ConsensusCodecs.GroupIndex, value.GroupIndex);
            writer.Write(ConsensusCodecs.Root, value.InclusionListCommitteeRoot);
            writer.Write(ConsensusCodecs.Transactions, value.Transactions);
        }

        protected override InclusionList ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Slot),
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Transactions));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, InclusionList value)
        {
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.GroupIndex));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.InclusionListCommitteeRoot));
            merkleizer.Append(ConsensusCodecs.Transactions.HashTreeRoot(value.Transactions));
        }
    }
}
