using System.Diagnostics;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NativeDvt.AppHost;

/// <summary>
/// Follows the devnet's resources: one line per state change (so a person sees Azurite, the silos and the HTTP host come
/// up) and the line that says the devnet is ready. When Azurite or the HTTP host dies, one error line, and everything
/// stops, so that a failure never looks like a hang; a silo that dies is reported and the cluster goes on without it
/// (grains move to the other silos).
/// </summary>
/// <remarks>
/// Started from <see cref="BeforeStartEvent"/>, not as a hosted service: when a resource dies early, Aspire's own start
/// can wait on it, and a hosted service registered after Aspire's would never start to say so.
/// </remarks>
internal sealed class ResourceProgress(
    ResourceNotificationService notifications,
    IHostApplicationLifetime lifetime)
{
    /// <summary>How long a failed devnet may take to stop cleanly before the AppHost exits anyway (DCP then stops what is left).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private static readonly string[] FailedStates = [KnownResourceStates.Exited, KnownResourceStates.FailedToStart, KnownResourceStates.Finished];

    private readonly Stopwatch _since = Stopwatch.StartNew();
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    /// <summary>Follows the resources from before they start until the AppHost stops.</summary>
    public static void Start(IDistributedApplicationEventing eventing) =>
        eventing.Subscribe<BeforeStartEvent>((started, cancellationToken) =>
        {
            var services = started.Services;
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            var progress = new ResourceProgress(
                services.GetRequiredService<ResourceNotificationService>(), lifetime);
            _ = progress.WatchAsync(lifetime.ApplicationStopped);
            return Task.CompletedTask;
        });

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var name = update.Resource.Name;
                if (!IsDevnetResource(name))
                {
                    continue;
                }

                if (update.Snapshot.State?.Text is not { Length: > 0 } state)
                {
                    continue;
                }

                var health = update.Snapshot.HealthStatus?.ToString();
                var shown = health is null ? state : $"{state}, {health}";
                if (_shown.TryGetValue(name, out var before) && before == shown)
                {
                    continue;
                }

                _shown[name] = shown;
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    continue;
                }

                if (FailedStates.Contains(state, StringComparer.Ordinal) && name.StartsWith("silo-", StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"[{_since.Elapsed.TotalSeconds,6:0.0}s] {name}: {state.ToLowerInvariant()}{ExitCode(update.Snapshot.ExitCode)}; the cluster goes on without it (its identities start again on any live silo: /api/events)");
                    continue;
                }

                if (FailedStates.Contains(state, StringComparer.Ordinal))
                {
                    Fail(name, state, update.Snapshot.ExitCode);
                    return;
                }

                Console.WriteLine($"[{_since.Elapsed.TotalSeconds,6:0.0}s] {name}: {shown}");
                if (name == "dashboard" && health == "Healthy")
                {
                    var url = update.Snapshot.Urls.FirstOrDefault()?.Url;
                    Console.WriteLine($"[{_since.Elapsed.TotalSeconds,6:0.0}s] devnet ready: {url}");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C.
        }
    }

    /// <summary>Azurite, the silos and the HTTP host; not Aspire's helpers (such as a project's "-rebuilder").</summary>
    private static bool IsDevnetResource(string name) =>
        name is "azurite" or "dashboard" || (name.StartsWith("silo-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), out _));

    private static string ExitCode(int? exitCode) => exitCode is { } code ? $" with code {code}" : string.Empty;

    private void Fail(string name, string state, int? exitCode)
    {
        Console.Error.WriteLine($"error: {name} {state.ToLowerInvariant()}{ExitCode(exitCode)} while the devnet runs; stopping the devnet (its output: the Aspire dashboard's console logs, or run it alone)");
        Environment.ExitCode = 1;
        lifetime.StopApplication();
        _ = Task.Delay(StopGrace).ContinueWith(_ => Environment.Exit(1), TaskScheduler.Default);
    }
}
