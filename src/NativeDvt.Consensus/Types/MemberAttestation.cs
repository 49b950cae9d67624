using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>One member's own vote, gossiped on the group's subnet; aggregators turn these into <see cref="GroupAttestation"/>s.</summary>
public sealed partial record MemberAttestation(GroupIndex GroupIndex, ulong MemberIndex, AttestationData Data, Bytes Signature);
