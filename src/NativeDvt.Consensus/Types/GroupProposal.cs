using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>The leader's proposal: the block and the leader's own signature over its signing root.</summary>
public sealed partial record GroupProposal(BeaconBlock Block, ulong LeaderIndex, Bytes LeaderSignature);
