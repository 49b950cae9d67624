using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// The acting leader's inclusion list with its own signature share (the inclusion-list counterpart of
/// <see cref="GroupProposal"/>): followers co-sign the same signing root.
/// </summary>
public sealed partial record InclusionListProposal(InclusionList Message, ulong LeaderIndex, Bytes LeaderSignature);
