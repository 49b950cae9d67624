using Orleans.Placement;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// Places an identity grain on the silo <see cref="IdentityDealing"/> deals it to, whoever calls it first: the keepers, the
/// dashboard or a test (<see cref="IdentityPlacementDirector"/>).
/// </summary>
[GenerateSerializer, Alias("ndvt.identity-placement")]
public sealed class IdentityPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute hands out.</summary>
    public static IdentityPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class as placed by <see cref="IdentityPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class IdentityPlacementAttribute() : PlacementAttribute(IdentityPlacement.Instance);
