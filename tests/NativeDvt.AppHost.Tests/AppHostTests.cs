using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using NativeDvt.AppHost.Tests.Audit;
using NativeDvt.Consensus.State;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;

namespace NativeDvt.AppHost.Tests;

/// <summary>
/// The real AppHost (Azurite, two silo processes that find each other only through the Azurite membership table, the HTTP
/// host under DCP), started as <c>dotnet run --project AppHost</c> does; one silo process is killed with SIGKILL.
/// </summary>
[Trait("Category", "Devnet")]
public sealed class AppHostTests
{
    /// <summary>
    /// Genesis lies 25 s after the start, devnets/smoke.yaml finalizes epoch 1 about 40 s after genesis, and after the kill
    /// the moved identities need about half a minute to attest again and the chain two more epochs to finalize.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private const string Devnet = "devnets/smoke.yaml";

    [Fact]
    public async Task Run_SmokeDevnet_FinalizesSurvivesKill9OfASiloProcessAndNoMemberEverSignsTwoConflictingMessages()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        var token = timeout.Token;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--devnet", Devnet], token);
        await using var app = await builder.BuildAsync(token);
        await app.StartAsync(token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dashboard", token);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5080") };
        var health = await http.GetAsync(new Uri("/eth/v1/node/health", UriKind.Relative), token);
        var genesisJson = await http.GetStringAsync(new Uri("/eth/v1/beacon/genesis", UriKind.Relative), token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var genesis = Genesis();
        Assert.Contains($"\"genesis_validators_root\":\"{genesis.GenesisValidatorsRoot}\"", genesisJson, StringComparison.Ordinal);
        await using var auditor = new GossipAuditor(genesis);
        await auditor.StartAsync(token);
        using var stopDialing = CancellationTokenSource.CreateLinkedTokenSource(token);
        var dialing = KeepConnectedAsync(http, auditor, stopDialing.Token);

        var finalizedBefore = await WaitForFinalizedAsync(http, 1, token);
        var header = await http.GetStringAsync(new Uri("/eth/v1/beacon/headers/finalized", UriKind.Relative), token);
        Assert.Contains("\"finalized\":true", header, StringComparison.Ordinal);
        Assert.Contains("identity-started", await http.GetStringAsync(new Uri("/api/events", UriKind.Relative), token), StringComparison.Ordinal);

        var before = await IdentitiesAsync(http, token);
        var eventsBefore = (await EventsAsync(http, token)).Length;
        var killedAt = DateTimeOffset.UtcNow;
        Kill(app, "silo-1");

        var failover = await WaitForEventAsync(http, eventsBefore, e => e.Kind == "silo-failover", token);
        var moved = before.Where(i => i.Silo == failover.Who).Select(i => i.Who).ToList();
        Assert.NotEmpty(moved);
        var onDuty = new List<DevnetEntry>();
        foreach (var who in moved)
        {
            onDuty.Add(await WaitForEventAsync(http, eventsBefore, e => e.Kind == "identity-on-duty" && e.Who == who, token));
        }

        var started = (await EventsAsync(http, token)).Skip(eventsBefore).Where(e => e.Kind == "identity-started").ToList();
        var finalizedAfter = await WaitForFinalizedAsync(http, finalizedBefore + 2, token);
        var after = await IdentitiesAsync(http, token);
        await stopDialing.CancelAsync();
        await dialing;

        Assert.All(moved, who => Assert.Contains(started, e => e.Who == who && e.Details.Contains($"moved from {failover.Who}", StringComparison.Ordinal)));
        Assert.All(after, i => Assert.Equal(before.Single(b => b.Who == i.Who).PeerId, i.PeerId));
        Assert.Empty(auditor.Audit.Conflicts);
        Assert.Equal(0, auditor.Undecodable);
        var signedAfterKill = auditor.Audit.LastSigned;
        var slotAtKill = before.Max(i => i.HeadSlot);
        Assert.All(after, i => Assert.True(signedAfterKill.GetValueOrDefault(i.Key) > slotAtKill, $"{i.Who} signed nothing the auditor saw after slot {slotAtKill}"));
        Assert.DoesNotContain(await EventsAsync(http, token), e => e.Kind is "member-equivocation" or "group-slashing" or "signing-halted");
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"killed silo-1 ({failover.Who}) at {killedAt:HH:mm:ss.fff}; failover logged after {(failover.At - killedAt).TotalSeconds:0.0} s; "
            + $"{moved.Count} identities started again after {(started.Max(e => e.At) - killedAt).TotalSeconds:0.0} s and were all on duty after {(onDuty.Max(e => e.At) - killedAt).TotalSeconds:0.0} s; "
            + $"finalized epoch {finalizedBefore} before, {finalizedAfter} after; {auditor.Audit.Messages} messages audited, no conflict");
        await app.StopAsync(token);
    }

    private static BeaconState Genesis()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "NativeDvt.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root (NativeDvt.sln) is not above the test's directory");
        }

        var spec = DevnetFileReader.Load(Path.Combine(root, Devnet));
        var (scheme, _) = DevnetSetup.Scheme(spec.Scheme);
        return DevnetSetup.Genesis(spec, DevnetSetup.Config(spec, scheme, DevnetSetup.SlotDuration(spec)), scheme, spec.Seed ?? 1);
    }

    // SIGKILL: the silo gets no chance to leave the cluster or flush anything. DCP starts a project as `dotnet run`, whose
    // child is the silo: killing only the wrapper would leave the silo running, orphaned.
    private static void Kill(DistributedApplication app, string resource)
    {
        Assert.True(app.ResourceNotifications.TryGetCurrentState(resource, out var state), $"no resource {resource}");
        var pid = Convert.ToInt32(state.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        var silos = ChildrenOf(pid).Prepend(pid).Select(Running).OfType<Process>().Where(p => p.ProcessName.StartsWith("NativeDvt.Silo", StringComparison.Ordinal)).ToList();
        Assert.True(silos.Count == 1, $"{resource} (pid {pid}) is no silo process and has no silo child");
        using var silo = silos[0];
        silo.Kill();
        silo.WaitForExit();
    }

    // A child seen in /proc may have exited since (or be a zombie its parent has not reaped): it is no silo.
    private static Process? Running(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Linux: a process's parent is the fourth field of /proc/<pid>/stat, after the name in parentheses.
    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => (Pid: int.Parse(name!, CultureInfo.InvariantCulture), Stat: TryRead($"/proc/{name}/stat")))
            .Where(p => p.Stat is { } stat && int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture) == parent)
            .Select(p => p.Pid)
            .ToList();

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static async Task KeepConnectedAsync(HttpClient http, GossipAuditor auditor, CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                foreach (var identity in await IdentitiesAsync(http, token))
                {
                    if (identity.Address is { } address)
                    {
                        await auditor.ConnectAsync(address, token);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private static async Task<long> WaitForFinalizedAsync(HttpClient http, long epoch, CancellationToken token)
    {
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/eth/v1/beacon/states/head/finality_checkpoints", UriKind.Relative), token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
                var finalized = long.Parse(body.RootElement.GetProperty("data").GetProperty("finalized").GetProperty("epoch").GetString()!, CultureInfo.InvariantCulture);
                if (finalized >= epoch)
                {
                    return finalized;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), token);
        }
    }

    private static async Task<DevnetEntry> WaitForEventAsync(HttpClient http, int since, Func<DevnetEntry, bool> match, CancellationToken token)
    {
        while (true)
        {
            if ((await EventsAsync(http, token)).Skip(since).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), token);
        }
    }

    private static async Task<DevnetEntry[]> EventsAsync(HttpClient http, CancellationToken token)
    {
        using var body = await GetJsonAsync(http, "/api/events", token);
        return [.. body.RootElement.EnumerateArray().Select(e => new DevnetEntry(
            e.GetProperty("kind").GetString()!, e.GetProperty("who").GetString()!, e.GetProperty("details").GetString()!, e.GetProperty("at").GetDateTimeOffset()))];
    }

    private static async Task<IdentityEntry[]> IdentitiesAsync(HttpClient http, CancellationToken token)
    {
        using var body = await GetJsonAsync(http, "/api/identities", token);
        return [.. body.RootElement.EnumerateArray().Select(i => new IdentityEntry(
            i.GetProperty("identity").GetString()!, i.GetProperty("peerId").GetString()!, i.GetProperty("address").GetString(), i.GetProperty("headSlot").GetUInt64(), i.GetProperty("silo").GetString()!))];
    }

    // While the dead silo is being declared dead, the HTTP host answers 503 (retry) for what lived on it.
    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path, CancellationToken token)
    {
        while (true)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), token);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                response.EnsureSuccessStatusCode();
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), token);
        }
    }

    private sealed record DevnetEntry(string Kind, string Who, string Details, DateTimeOffset At);

    private sealed record IdentityEntry(string Identity, string PeerId, string? Address, ulong HeadSlot, string Silo)
    {
        /// <summary>The event log's spelling, g0/m1.</summary>
        public string Who => Identity.Replace('-', '/');

        public (ulong Group, ulong Member) Key => (ulong.Parse(Identity[1..Identity.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture), ulong.Parse(Identity[(Identity.IndexOf("-m", StringComparison.Ordinal) + 2)..], CultureInfo.InvariantCulture));
    }
}
