using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>KeyRotation { group, member_index, new_pubkey, epoch }: replaces one member key from <see cref="Epoch"/> on.</summary>
public sealed partial record KeyRotation(GroupIndex GroupIndex, ulong MemberIndex, Bytes NewPubkey, Epoch Epoch);
