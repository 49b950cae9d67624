using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Which silo runs which identity: member j of group g goes to the (g + j)-th silo that has joined the cluster, in
/// address order, modulo their count; when that silo has died, to the (g + j)-th active silo instead. Every silo and the
/// placement director compute the same answer from the key and the membership alone. Each group's members spread over
/// the silos, so a dead silo takes at most ceil(n / silos) members of any group down with it, and a death moves only
/// the dead silo's identities: the survivors' stay where they run (counting only active silos moved about half of them
/// when one of three died). A silo that joins changes the count, and the identities dealt to it move there.
/// </summary>
public static class IdentityDealing
{
    /// <summary>The active silos of <paramref name="membership"/>, in the order the dealing counts them.</summary>
    public static SiloAddress[] ActiveSilos(ClusterMembershipSnapshot membership) =>
        Order(membership.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress));

    /// <summary>
    /// The silos of <paramref name="membership"/> that have joined, active or dead since (not those still joining), in
    /// the order the dealing counts them.
    /// </summary>
    public static SiloAddress[] JoinedSilos(ClusterMembershipSnapshot membership) =>
        Order(membership.Members.Values.Where(m => m.Status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping or SiloStatus.Dead)
            .Select(m => m.SiloAddress));

    /// <summary>The silos in the order the dealing counts them (the same on every silo).</summary>
    public static SiloAddress[] Order(IEnumerable<SiloAddress> silos) =>
        [.. silos.OrderBy(a => a.ToParsableString(), StringComparer.Ordinal)];

    /// <summary>
    /// The active silo that runs <paramref name="identityKey"/> in <paramref name="membership"/>; null when the key is no
    /// identity key or no silo is active.
    /// </summary>
    public static SiloAddress? SiloFor(string identityKey, ClusterMembershipSnapshot membership)
    {
        var active = ActiveSilos(membership);
        if (active.Length == 0 || SiloIndex(identityKey, active.Length) is not { } fallback)
        {
            return null;
        }

        var joined = JoinedSilos(membership);
        var dealt = joined.Length == 0 ? null : joined[SiloIndex(identityKey, joined.Length)!.Value];
        return dealt is not null && active.Contains(dealt) ? dealt : active[fallback];
    }

    /// <summary>
    /// The position, among <paramref name="silos"/> silos, of the one that runs <paramref name="identityKey"/>; null when
    /// the key is no identity key.
    /// </summary>
    public static int? SiloIndex(string identityKey, int silos)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(silos);
        return IdentityKeys.TryParse(identityKey, out var group, out var member)
            ? (int)((group % (ulong)silos + (ulong)member % (ulong)silos) % (ulong)silos)
            : null;
    }
}
