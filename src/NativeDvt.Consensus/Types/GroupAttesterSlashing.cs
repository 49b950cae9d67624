using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// Double- or surround-vote evidence: two conflicting attestations of one group, each signed by at least m members.
/// One of the two GroupSlashing kinds of protocol.md section 3.
/// </summary>
[SszContainer]
public sealed partial record GroupAttesterSlashing(GroupAttestation Attestation1, GroupAttestation Attestation2);
