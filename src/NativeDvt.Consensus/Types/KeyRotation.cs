using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>KeyRotation { group, member_index, new_pubkey, epoch }: replaces one member key from <see cref="Epoch"/> on.</summary>
[SszContainer]
public sealed partial record KeyRotation(GroupIndex GroupIndex, ulong MemberIndex, [SszField(Codec = nameof(ConsensusCodecs.PublicKey))] Bytes NewPubkey, Epoch Epoch);
