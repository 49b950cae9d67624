using Orleans.Runtime.Placement;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Chooses the dealt silo among the compatible ones, so the first caller's silo does not decide (a dashboard read before
/// the keepers' calls once put every identity on one silo, and a dead silo then moved none). A placement hint wins; a
/// key that is no identity key stays on the calling silo when it can.
/// </summary>
public sealed class IdentityPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = IdentityDealing.Order(context.GetCompatibleSilos(target));
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return Task.FromResult(hint);
        }

        var index = IdentityDealing.SiloIndex(target.GrainIdentity.Key.ToString()!, silos.Length);
        return Task.FromResult(index is { } i ? silos[i] : silos.Contains(context.LocalSilo) ? context.LocalSilo : silos[0]);
    }
}
