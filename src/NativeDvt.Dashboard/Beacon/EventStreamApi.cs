using NativeDvt.Dashboard.Api;
using NativeDvt.Dashboard.Live;

namespace NativeDvt.Dashboard.Beacon;

/// <summary>
/// <c>GET /eth/v1/events?topics=head,block,...</c>: the Beacon API's server-sent events (<see cref="BeaconEventSource"/>),
/// with the devnet's own on topics <c>ndvt_{kind}</c>. An unknown topic is a 400 naming it.
/// </summary>
internal static class EventStreamApi
{
    public static IEndpointRouteBuilder MapEventStreamApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/eth/v1/events", async (HttpContext http, BeaconEventHub hub, string[]? topics, CancellationToken cancellationToken) =>
        {
            var wanted = (topics ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
            if (wanted.Count == 0)
            {
                await Results.Json(new BeaconError(400, "topics: name at least one, like ?topics=head,finalized_checkpoint"), statusCode: 400).ExecuteAsync(http);
                return;
            }

            if (wanted.FirstOrDefault(t => !BeaconEventSource.StandardTopics.Contains(t) && !t.StartsWith("ndvt_", StringComparison.Ordinal)) is { } unknown)
            {
                await Results.Json(new BeaconError(400, $"topics: '{unknown}' is not served: {string.Join(", ", BeaconEventSource.StandardTopics)} or ndvt_<event kind>"), statusCode: 400)
                    .ExecuteAsync(http);
                return;
            }

            using var subscription = hub.Subscribe();
            await ServerSentEvents.StartAsync(http.Response, cancellationToken);
            await foreach (var (topic, json) in subscription.Events.ReadAllAsync(cancellationToken))
            {
                if (wanted.Contains(topic))
                {
                    await ServerSentEvents.WriteAsync(http.Response, topic, json, cancellationToken);
                }
            }
        });

        return endpoints;
    }
}
