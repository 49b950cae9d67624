using NativeDvt.Grains;
using NativeDvt.Grains.Identities;

namespace NativeDvt.Testing;

/// <summary>How a <see cref="TestDevnet"/> runs its devnet file.</summary>
public sealed record TestDevnetOptions
{
    /// <summary>Silos of the in-process cluster; null takes the file's <c>silos</c> (1 unless it says).</summary>
    /// <remarks>
    /// Fewer silos than the file names would stall the start: each silo's keeper waits up to
    /// <see cref="IdentityKeeper.SiloWait"/> for them before it starts its first identities.
    /// </remarks>
    public int? Silos { get; init; }

    /// <summary>
    /// How long after the start genesis comes. The identities start within one keeper round (2 s) of the start; a node
    /// that starts after genesis has missed its first duties.
    /// </summary>
    public TimeSpan GenesisDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a wait may take unless the call names its own timeout.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a wait reads the identities' statuses.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The grain storage the devnet's grains name (<see cref="DevnetGrain.StorageName"/>, <see cref="IdentityGrain.StorageName"/>);
    /// memory unless set.
    /// </summary>
    public Action<ISiloBuilder> Storage { get; init; } = MemoryStorage;

    /// <summary>An Azure Table storage connection string for the identities' signing records; null keeps them in silo memory.</summary>
    public string? SigningRecordsConnectionString { get; init; }

    /// <summary>Anything else each silo needs (logging, extra grains), applied after the devnet's own configuration.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; init; }

    /// <summary>Both storage names in the silo's memory: a devnet's state lives as long as its test.</summary>
    public static void MemoryStorage(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(DevnetGrain.StorageName).AddMemoryGrainStorage(IdentityGrain.StorageName);
    }
}
