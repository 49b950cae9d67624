namespace NativeDvt.Dashboard.Api;

/// <summary>
/// Answers 503 with a Beacon-API error body when the cluster cannot answer a request: while a dead silo is being declared
/// dead, calls to the grains it hosted fail or time out, and a client polling the devnet should be told to retry, not see
/// a 500 with a stack trace.
/// </summary>
public sealed class ClusterFailureFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException && !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.Json(new BeaconError(503, $"the devnet's cluster did not answer (a silo may be failing over; retry): {e.Message}"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
