using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A follower's co-signature of its group's inclusion list: over the list's signing root
/// (DOMAIN_INCLUSION_LIST), so it combines with the leader's into the group signature.
/// </summary>
[SszContainer]
public sealed partial record InclusionListFollow(Slot Slot, GroupIndex GroupIndex, ulong MemberIndex, Root InclusionListRoot, [SszField(Codec = nameof(ConsensusCodecs.Signature))] Bytes Signature);
