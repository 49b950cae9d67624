using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>A block with the proposer group's signature (at least m members over the block's signing root).</summary>
[SszContainer]
public sealed partial record SignedBeaconBlock(BeaconBlock Message, GroupSignature Signature);
