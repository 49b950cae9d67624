using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Which silo runs which identity: member j of group g goes to the (g + j)-th active silo, in address order, modulo their
/// count. Every silo and the placement director compute the same answer from the key alone, and each group's members
/// spread over the silos, so a dead silo takes at most ceil(n / silos) members of any group down with it.
/// </summary>
public static class IdentityDealing
{
    /// <summary>The active silos of <paramref name="membership"/>, in the order the dealing counts them.</summary>
    public static SiloAddress[] ActiveSilos(ClusterMembershipSnapshot membership) =>
        Order(membership.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress));

    /// <summary>The silos in the order the dealing counts them (the same on every silo).</summary>
    public static SiloAddress[] Order(IEnumerable<SiloAddress> silos) =>
        [.. silos.OrderBy(a => a.ToParsableString(), StringComparer.Ordinal)];

    /// <summary>
    /// The position, among <paramref name="silos"/> active silos, of the one that runs <paramref name="identityKey"/>; null
    /// when the key is no identity key.
    /// </summary>
    public static int? SiloIndex(string identityKey, int silos)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(silos);
        return IdentityKeys.TryParse(identityKey, out var group, out var member)
            ? (int)((group % (ulong)silos + (ulong)member % (ulong)silos) % (ulong)silos)
            : null;
    }
}
