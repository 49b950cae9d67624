using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.InclusionLists;

/// <summary>A transaction of <see cref="Group"/>'s inclusion list that a block left out although it had room for it.</summary>
public sealed record InclusionListOmission(GroupIndex Group, Bytes Transaction);
