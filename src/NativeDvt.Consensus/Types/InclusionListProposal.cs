using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// The acting leader's inclusion list with its own signature share (the inclusion-list counterpart of
/// <see cref="GroupProposal"/>): followers co-sign the same signing root.
/// </summary>
[SszContainer]
public sealed partial record InclusionListProposal(InclusionList Message, ulong LeaderIndex, [SszField(Codec = nameof(ConsensusCodecs.Signature))] Bytes LeaderSignature);
