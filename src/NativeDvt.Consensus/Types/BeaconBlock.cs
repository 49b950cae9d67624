using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>BeaconBlock { slot, proposer_index (a group), parent_root, state_root, body }.</summary>
[SszContainer]
public sealed partial record BeaconBlock(Slot Slot, GroupIndex ProposerIndex, Root ParentRoot, Root StateRoot, BeaconBlockBody Body);
