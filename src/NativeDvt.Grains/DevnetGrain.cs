using NativeDvt.Devnet;
using NativeDvt.Grains.Identities;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains;

/// <summary>The one devnet grain (<see cref="IDevnetGrain"/>); its state lives in the grain storage named <see cref="StorageName"/>.</summary>
public sealed class DevnetGrain([PersistentState("devnet", DevnetGrain.StorageName)] IPersistentState<DevnetState> state, TimeProvider time) : Grain, IDevnetGrain
{
    /// <summary>
    /// The grain storage the silo must provide: blob storage in the devnet, since the event log grows past what one
    /// table entity holds.
    /// </summary>
    public const string StorageName = "devnet";

    /// <summary>How far back a new entry is compared with the log for a repeat.</summary>
    private const int RecentEventsChecked = 512;

    private string[]? _identityKeys;

    private DevnetState State => state.State;

    /// <inheritdoc />
    public async Task<GenesisSummary> StartAsync(DevnetStart start)
    {
        if (State.Genesis is { } fixedGenesis)
        {
            return fixedGenesis;
        }

        // Key derivation and the genesis registry's root take from milliseconds (BLS, a few keys) to minutes (XMSS, many
        // keys): built off the grain's scheduler, which must never be blocked. The grain is not reentrant, so a second
        // start waits for this one and then finds genesis fixed.
        var genesis = await Task.Run(() => GenesisSummaries.Build(start.File, start.GenesisTime));

        State.File = start.File;
        State.Genesis = genesis;
        State.Events.Add(new DevnetEvent(DevnetEventKinds.DevnetStarted, null, "devnet",
            $"{Path.GetFileName(start.File.Path)}: genesis at {DateTimeOffset.FromUnixTimeSeconds((long)genesis.GenesisTime):u}, validators root {genesis.GenesisValidatorsRoot}", time.GetUtcNow()));
        await state.WriteStateAsync();
        return genesis;
    }

    /// <inheritdoc />
    public Task<GenesisSummary?> GetGenesisAsync() => Task.FromResult(State.Genesis);

    /// <inheritdoc />
    public Task<DevnetFile?> GetFileAsync() => Task.FromResult(State.File);

    /// <inheritdoc />
    public Task<string[]> GetIdentityKeysAsync()
    {
        // The dashboard asks on every request: the file is read once per activation (it never changes once started).
        if (_identityKeys is null && State.File is { } file)
        {
            _identityKeys = [.. DevnetIdentities.Of(DevnetFileReader.Parse(file.Text, file.Path)).Select(i => i.Key)];
        }

        return Task.FromResult(_identityKeys ?? []);
    }

    /// <inheritdoc />
    public async Task RegisterBootstrapPeerAsync(string multiaddr)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(multiaddr);
        if (State.BootstrapPeers.Contains(multiaddr, StringComparer.Ordinal))
        {
            return;
        }

        // An identity that moved to another silo keeps its peer id and listens elsewhere: its old address goes.
        var peer = multiaddr.LastIndexOf("/p2p/", StringComparison.Ordinal) is var at and >= 0 ? multiaddr[at..] : null;
        if (peer is not null)
        {
            State.BootstrapPeers.RemoveAll(known => known.EndsWith(peer, StringComparison.Ordinal));
        }

        State.BootstrapPeers.Add(multiaddr);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<string[]> GetBootstrapPeersAsync() => Task.FromResult(State.BootstrapPeers.ToArray());

    /// <inheritdoc />
    public async Task<int> AppendEventAsync(DevnetEvent devnetEvent)
    {
        ArgumentNullException.ThrowIfNull(devnetEvent);
        // Every node that sees one equivocation (or slashing, or rotation) reports the same entry: the log keeps one.
        var recent = Math.Max(0, State.Events.Count - RecentEventsChecked);
        var known = State.Events.FindIndex(recent, e => e.SameAs(devnetEvent));
        if (known >= 0)
        {
            return known;
        }

        State.Events.Add(devnetEvent.At == default ? devnetEvent with { At = time.GetUtcNow() } : devnetEvent);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The caller is told the append failed; the log must not keep an entry that is not durable.
            State.Events.RemoveAt(State.Events.Count - 1);
            throw;
        }

        return State.Events.Count - 1;
    }

    /// <inheritdoc />
    public Task<DevnetEvent[]> GetEventsAsync(int sinceIndex) =>
        Task.FromResult(State.Events.Skip(Math.Max(0, sinceIndex)).ToArray());
}
