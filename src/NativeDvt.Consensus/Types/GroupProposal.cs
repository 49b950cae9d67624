using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>The leader's proposal: the block and the leader's own signature over its signing root.</summary>
[SszContainer]
public sealed partial record GroupProposal(BeaconBlock Block, ulong LeaderIndex, [SszField(Codec = nameof(ConsensusCodecs.Signature))] Bytes LeaderSignature);
