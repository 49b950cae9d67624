using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>One member's LMD vote: the head root it attested to in the attestation's target epoch.</summary>
public readonly record struct MemberVote(GroupIndex Group, int MemberIndex, Epoch Epoch, Root Root);
