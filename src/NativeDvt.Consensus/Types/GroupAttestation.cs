using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A group's attestation as a block carries it: the spec's Attestation with the committee bitlist
/// replaced by one group's member bits.
/// </summary>
[SszContainer]
public sealed partial record GroupAttestation(GroupIndex GroupIndex, AttestationData Data, GroupSignature Signature);
