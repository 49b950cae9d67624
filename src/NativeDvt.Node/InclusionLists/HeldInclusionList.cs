using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.InclusionLists;

/// <summary>A complete inclusion list a node holds, with its root and when the node got it.</summary>
internal sealed record HeldInclusionList(SignedInclusionList List, Root Root, TimeSpan SeenAt);
