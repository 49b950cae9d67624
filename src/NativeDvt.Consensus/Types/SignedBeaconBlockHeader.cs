using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>A header with its proposer group's signature: one side of a double-proposal proof.</summary>
[SszContainer]
public sealed partial record SignedBeaconBlockHeader(BeaconBlockHeader Message, GroupSignature Signature);
