namespace NativeDvt.Dashboard.Live;

/// <summary>The text/event-stream framing both event streams use (the pages' and the Beacon API's).</summary>
internal static class ServerSentEvents
{
    /// <summary>Sends the headers: no buffering on the way, no caching.</summary>
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Writes one event and flushes it.</summary>
    public static async Task WriteAsync(HttpResponse response, string name, string json, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {name}\ndata: {json}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
