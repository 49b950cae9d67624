using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>AttestationData { slot, index, beacon_block_root, source, target }, as in the spec.</summary>
[SszContainer]
public sealed partial record AttestationData(Slot Slot, CommitteeIndex Index, Root BeaconBlockRoot, Checkpoint Source, Checkpoint Target);
