using NativeDvt.Dashboard.Api;

namespace NativeDvt.Dashboard.Live;

/// <summary>The pages' data: <c>/api/view</c> once, <c>/api/live</c> as server-sent events (<c>event: view</c>), a view a second.</summary>
internal static class LiveApi
{
    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/view", (LiveFeed feed) => feed.LatestJson is { } json
            ? Results.Content(json, "application/json")
            : Results.Json(new BeaconError(503, "the devnet has not been read yet: it may not have started"), statusCode: StatusCodes.Status503ServiceUnavailable));

        endpoints.MapGet("/api/live", async (LiveFeed feed, HttpContext http, CancellationToken cancellationToken) =>
        {
            using var listener = feed.Listen();
            await ServerSentEvents.StartAsync(http.Response, cancellationToken);
            await foreach (var json in listener.Views.ReadAllAsync(cancellationToken))
            {
                await ServerSentEvents.WriteAsync(http.Response, "view", json, cancellationToken);
            }
        });

        return endpoints;
    }
}
