using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A group's inclusion list (EIP-7805's InclusionList, with the group in place of the validator): transactions that the
/// block of <see cref="Slot"/> + 1 must carry, made during <see cref="Slot"/> by a group of that slot's inclusion-list committee.
/// </summary>
/// <param name="Slot">The committee's slot; the list constrains the block of the next slot.</param>
/// <param name="GroupIndex">The committee group that made the list.</param>
/// <param name="InclusionListCommitteeRoot">hash_tree_root of the slot's committee (List[GroupIndex, IL_COMMITTEE_SIZE]).</param>
/// <param name="Transactions">Opaque transactions, at most MAX_BYTES_PER_INCLUSION_LIST bytes in total.</param>
[SszContainer]
public sealed partial record InclusionList(Slot Slot, GroupIndex GroupIndex, Root InclusionListCommitteeRoot, [SszField(Codec = nameof(ConsensusCodecs.Transactions))] IReadOnlyList<Bytes> Transactions);
