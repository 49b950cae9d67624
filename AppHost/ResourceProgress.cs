using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace NativeDvt.AppHost;

/// <summary>
/// Follows the devnet's resources: one line per state change (so a person sees Azurite, the silos and the HTTP host come
/// up), the line that says the devnet is ready, and, when a resource dies while the devnet runs, one error line with
/// its last output; then it stops everything, so that a failure never looks like a hang.
/// </summary>
internal sealed class ResourceProgress(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly string[] FailedStates = [KnownResourceStates.Exited, KnownResourceStates.FailedToStart, KnownResourceStates.Finished];

    private readonly Stopwatch _since = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, string> _lastLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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

                if (!_lastLines.ContainsKey(name))
                {
                    _lastLines[name] = string.Empty;
                    _ = KeepLastLineAsync(name, stoppingToken);
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

    private void Fail(string name, string state, int? exitCode)
    {
        var code = exitCode is { } c ? $" with code {c}" : string.Empty;
        var last = _lastLines.TryGetValue(name, out var line) && line.Length > 0 ? $": {line}" : string.Empty;
        Console.Error.WriteLine($"error: {name} {state.ToLowerInvariant()}{code}{last}; stopping the devnet");
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    private async Task KeepLastLineAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(name).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    if (!string.IsNullOrWhiteSpace(line.Content))
                    {
                        _lastLines[name] = line.Content.Trim();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C.
        }
    }
}
