using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>One member's own vote, gossiped on the group's subnet; aggregators turn these into <see cref="GroupAttestation"/>s.</summary>
[SszContainer]
public sealed partial record MemberAttestation(GroupIndex GroupIndex, ulong MemberIndex, AttestationData Data, [SszField(Codec = nameof(ConsensusCodecs.Signature))] Bytes Signature);
