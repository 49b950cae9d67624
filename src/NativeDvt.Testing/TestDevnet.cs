using NativeDvt.Grains.Faults;
using NativeDvt.Consensus.Config;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;
using Orleans.TestingHost;

namespace NativeDvt.Testing;

/// <summary>
/// A devnet for a test: the identities of a devnet file (<c>devnets/*.yaml</c> or inline YAML) run their nodes over real
/// libp2p on loopback inside identity grains, on an in-process Orleans cluster with memory storage. Start one with
/// <see cref="FromYamlAsync"/> or <see cref="FromFileAsync(string, TestDevnetOptions?, CancellationToken)"/>, drive it
/// (stop, start, partition, heal), wait for the chain (a slot, an epoch, finality) and read it (statuses, headers, the
/// event log); dispose it to stop the silos.
/// </summary>
public sealed partial class TestDevnet : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly TestDevnetOptions _options;
    private int _disposed;

    private TestDevnet(InProcessTestCluster cluster, DevnetFile file, DevnetSpec spec, GenesisSummary genesis, TestDevnetOptions options)
    {
        _cluster = cluster;
        _options = options;
        File = file;
        Spec = spec;
        Genesis = genesis;
        Identities = [.. DevnetIdentities.Of(spec).Select(i => i.Key)];
        SlotDuration = DevnetSetup.SlotDuration(spec);
        SlotsPerEpoch = spec.SlotsPerEpoch is { } slots ? (ulong)slots : Preset.ByName(spec.Preset)!.SlotsPerEpoch;
    }

    /// <summary>The in-process cluster (its client, its silos: to stop or add one).</summary>
    public InProcessTestCluster Cluster => _cluster;

    /// <summary>A client of the cluster, for grain calls the fixture does not wrap.</summary>
    public IClusterClient Client => _cluster.Client;

    /// <summary>The devnet file it runs.</summary>
    public DevnetFile File { get; }

    /// <summary>The file's model.</summary>
    public DevnetSpec Spec { get; }

    /// <summary>Genesis as the devnet grain fixed it.</summary>
    public GenesisSummary Genesis { get; }

    /// <summary>Genesis on the wall clock.</summary>
    public DateTimeOffset GenesisTime => DateTimeOffset.FromUnixTimeSeconds((long)Genesis.GenesisTime);

    /// <summary>Every identity key (<c>g{group}-m{member}</c>) in registry order, offline members included.</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>The slot length.</summary>
    public TimeSpan SlotDuration { get; }

    /// <summary>Slots per epoch (the file's, else its preset's).</summary>
    public ulong SlotsPerEpoch { get; }

    /// <summary>The slot the wall clock is in (0 before genesis).</summary>
    public ulong WallClockSlot => DateTimeOffset.UtcNow < GenesisTime ? 0 : (ulong)((DateTimeOffset.UtcNow - GenesisTime) / SlotDuration);

    /// <summary>The devnet grain: genesis, bootstrap peers, the event log.</summary>
    public IDevnetGrain Devnet => Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <summary>Starts a devnet from inline YAML (the format of docs/devnet-file.md).</summary>
    /// <exception cref="DevnetFileException">The YAML is not a valid devnet file (the message names line and field).</exception>
    /// <exception cref="ArgumentException">The devnet refuses the file (<c>scheme: insecure-fast</c>).</exception>
    public static Task<TestDevnet> FromYamlAsync(string yaml, TestDevnetOptions? options = null, CancellationToken cancellationToken = default) =>
        FromFileAsync(new DevnetFile("inline.yaml", yaml), options, cancellationToken);

    /// <summary>Starts a devnet from a devnet file, e.g. <c>devnets/smoke.yaml</c>.</summary>
    /// <exception cref="DevnetFileException">The file is not a valid devnet file (the message names line and field).</exception>
    /// <exception cref="ArgumentException">The devnet refuses the file (<c>scheme: insecure-fast</c>).</exception>
    public static async Task<TestDevnet> FromFileAsync(string path, TestDevnetOptions? options = null, CancellationToken cancellationToken = default) =>
        await FromFileAsync(new DevnetFile(path, await System.IO.File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)), options, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// Starts the cluster and the devnet, with genesis <see cref="TestDevnetOptions.GenesisDelay"/> from now, and returns
    /// once every identity that is not offline runs its node.
    /// </summary>
    public static async Task<TestDevnet> FromFileAsync(DevnetFile file, TestDevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= new TestDevnetOptions();
        // Checked before any silo starts, so a bad file costs milliseconds and says where it is wrong.
        var spec = DevnetFileReader.Parse(file.Text, file.Path);
        if (DevnetAdmission.Refusal(spec) is { } refusal)
        {
            throw new ArgumentException($"{file.Path}: {refusal}", nameof(file));
        }

        var cluster = BuildCluster(options.Silos ?? spec.Silos, options);
        try
        {
            await cluster.DeployAsync(cancellationToken).ConfigureAwait(false);
            var genesisTime = (ulong)Math.Ceiling((DateTimeOffset.UtcNow + options.GenesisDelay).ToUnixTimeMilliseconds() / 1000.0);
            var genesis = await cluster.Client.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).StartAsync(new DevnetStart(file, genesisTime)).ConfigureAwait(false);
            var devnet = new TestDevnet(cluster, file, spec, genesis, options);
            await devnet.WaitForStartedAsync(cancellationToken).ConfigureAwait(false);
            return devnet;
        }
        catch
        {
            await StopClusterAsync(cluster).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The grain of identity <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The devnet has no such identity.</exception>
    public IIdentityGrain Identity(string key) =>
        Identities.Contains(key, StringComparer.Ordinal)
            ? Client.GetGrain<IIdentityGrain>(key)
            : throw new ArgumentException($"'{key}' is not an identity of {Spec.Name}: it has {string.Join(", ", Identities)}", nameof(key));

    /// <summary>The identities <paramref name="selector"/> names (see <see cref="IdentitySelection"/>).</summary>
    public IReadOnlyList<string> Select(string selector) => IdentitySelection.Resolve(Spec, selector);

    /// <summary>Stops every silo and the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopClusterAsync(_cluster).ConfigureAwait(false);
        }
    }

    private static InProcessTestCluster BuildCluster(int silos, TestDevnetOptions options)
    {
        var builder = new InProcessTestClusterBuilder(checked((short)silos));
        builder.ConfigureSilo((_, silo) =>
        {
            options.Storage(silo);
            silo.Services.AddDevnetIdentities(options.SigningRecordsConnectionString);
            options.ConfigureSilo?.Invoke(silo);
        });
        return builder.Build();
    }

    private static async Task StopClusterAsync(InProcessTestCluster cluster)
    {
        // Stopping the silos deactivates the identity grains, which stop their nodes and close their libp2p hosts.
        await cluster.StopAllSilosAsync().ConfigureAwait(false);
        await cluster.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for each identity's identity-started event rather than polling the grains: a client's call would activate
    /// them on a random silo before the keepers deal them out.
    /// </summary>
    private async Task WaitForStartedAsync(CancellationToken cancellationToken)
    {
        var expected = DevnetIdentities.Of(Spec).Where(i => i.Profile.Kind != ProfileKind.Offline).Select(i => Who(i.Key)).ToHashSet(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var events = await Devnet.GetEventsAsync(0).ConfigureAwait(false);
            expected.ExceptWith(events.Where(e => e.Kind == DevnetEventKinds.IdentityStarted).Select(e => e.Who));
            if (expected.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > _options.WaitTimeout)
            {
                throw new DevnetWaitTimeoutException(
                    $"the devnet's identities did not all start within {_options.WaitTimeout.TotalSeconds:0.#} s; not started: {string.Join(", ", expected.Order(StringComparer.Ordinal))}");
            }

            await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How the event log names a member: <c>g3/m1</c>.</summary>
    private static string Who(string key)
    {
        var (group, member) = IdentityKeys.Parse(key);
        return $"g{group}/m{member}";
    }
}
