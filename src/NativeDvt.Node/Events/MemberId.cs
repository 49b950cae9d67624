using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Events;

/// <summary>A virtual identity: member <see cref="Member"/> of group <see cref="Group"/>.</summary>
public readonly record struct MemberId(GroupIndex Group, int Member)
{
    /// <summary>The devnet file's selector spelling, e.g. g3/m1.</summary>
    public override string ToString() => $"g{Group.Value}/m{Member}";
}
