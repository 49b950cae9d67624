namespace NativeDvt.Grains.Abstractions;

/// <summary>
/// The devnet itself, one per cluster (key <see cref="DevnetGrainKeys.Devnet"/>): the devnet file it runs, the genesis
/// every identity builds from and the slot clock's anchor, the bootstrap peers identities dial, and the append-only event
/// log the dashboard follows. Identity grains (one node each) report into it.
/// </summary>
public interface IDevnetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Fixes the devnet on the first call: reads the file, refuses what the devnet cannot run, builds genesis and keeps
    /// <see cref="DevnetStart.GenesisTime"/> as the anchor. Later calls (every silo makes one) return the devnet already
    /// fixed, so silos that start later or restart never move genesis.
    /// </summary>
    Task<GenesisSummary> StartAsync(DevnetStart start);

    /// <summary>Genesis as the Beacon API reports it, or null before <see cref="StartAsync"/>.</summary>
    Task<GenesisSummary?> GetGenesisAsync();

    /// <summary>The devnet file the devnet was started from, or null before <see cref="StartAsync"/>.</summary>
    Task<DevnetFile?> GetFileAsync();

    /// <summary>Every identity of the devnet (<see cref="IdentityKeys"/>), in group then member order; empty before <see cref="StartAsync"/>.</summary>
    Task<string[]> GetIdentityKeysAsync();

    /// <summary>Adds a libp2p multiaddr (with its /p2p/ peer id) that later identities dial first; a repeat is ignored.</summary>
    Task RegisterBootstrapPeerAsync(string multiaddr);

    /// <summary>The bootstrap peers in registration order.</summary>
    Task<string[]> GetBootstrapPeersAsync();

    /// <summary>Appends <paramref name="devnetEvent"/> to the log, durably, and returns its index (0 for the first).</summary>
    Task<int> AppendEventAsync(DevnetEvent devnetEvent);

    /// <summary>The events from index <paramref name="sinceIndex"/> on, in append order.</summary>
    Task<DevnetEvent[]> GetEventsAsync(int sinceIndex);
}
