using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>BeaconBlockHeader { slot, proposer_index (a group), parent_root, state_root, body_root }.</summary>
[SszContainer]
public sealed partial record BeaconBlockHeader(Slot Slot, GroupIndex ProposerIndex, Root ParentRoot, Root StateRoot, Root BodyRoot);
