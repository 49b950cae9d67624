using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// Double-proposal evidence: two different headers for one slot by one group, each signed by at least m members.
/// One of the two GroupSlashing kinds of protocol.md section 3.
/// </summary>
[SszContainer]
public sealed partial record GroupProposerSlashing(SignedBeaconBlockHeader SignedHeader1, SignedBeaconBlockHeader SignedHeader2);
