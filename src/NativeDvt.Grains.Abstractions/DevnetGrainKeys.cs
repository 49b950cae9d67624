namespace NativeDvt.Grains.Abstractions;

/// <summary>Keys of the grains that exist once per devnet.</summary>
public static class DevnetGrainKeys
{
    /// <summary>The one <see cref="IDevnetGrain"/>.</summary>
    public const string Devnet = "devnet";
}
