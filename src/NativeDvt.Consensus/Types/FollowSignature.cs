using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A follower's co-signature of a proposed block: the signature is over the block's signing root
/// (DOMAIN_BEACON_PROPOSER), so it combines with the leader's into the group signature.
/// </summary>
[SszContainer]
public sealed partial record FollowSignature(Slot Slot, GroupIndex GroupIndex, ulong MemberIndex, Root BlockRoot, [SszField(Codec = nameof(ConsensusCodecs.Signature))] Bytes Signature);
