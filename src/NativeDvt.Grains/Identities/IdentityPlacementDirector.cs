using Orleans.Runtime.Placement;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Chooses the dealt silo among the compatible ones, so the first caller's silo does not decide (a dashboard read before
/// the keepers' calls once put every identity on one silo, and a dead silo then moved none). A placement hint wins; a
/// key that is no identity key stays on the calling silo when it can.
/// </summary>
public sealed class IdentityPlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = IdentityDealing.Order(context.GetCompatibleSilos(target));
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return Task.FromResult(hint);
        }

        var key = target.GrainIdentity.Key.ToString()!;
        if (IdentityDealing.SiloFor(key, membership.CurrentSnapshot) is { } dealt && silos.Contains(dealt))
        {
            return Task.FromResult(dealt);
        }

        // The membership this silo knows and the compatible silos can differ for a moment (a silo joining or dying).
        var index = IdentityDealing.SiloIndex(key, silos.Length);
        return Task.FromResult(index is { } i ? silos[i] : silos.Contains(context.LocalSilo) ? context.LocalSilo : silos[0]);
    }
}
