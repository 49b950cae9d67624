using System.Text.Json;
using NativeDvt.Dashboard.Api;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Faults;

/// <summary>
/// <c>POST /api/faults/{stop|start|partition|heal|delay|profile|rotate}</c>: the fault controls over HTTP, behind the bearer
/// token. The body is JSON: <c>{"identities": "g0/m1"}</c> (stop, start, rotate), <c>{"sides": ["g0", "g1-2"]}</c> (partition),
/// nothing (heal), <c>{"groups": "g0", "milliseconds": 800}</c> (delay), <c>{"identities": "g1/m0", "profile":
/// "equivocator"}</c> (profile). 401 without the token; 400 naming the field when a part is wrong, with nothing applied;
/// 200 with the identities it applied to and its event-log index.
/// </summary>
internal static class FaultApi
{
    /// <summary>The fault kinds, for the 404 of an unknown one.</summary>
    public static readonly string[] Kinds = ["stop", "start", "partition", "heal", "delay", "profile", "rotate"];

    public static IEndpointRouteBuilder MapFaultApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/faults/{kind}", async (string kind, HttpRequest request, FaultToken token, IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            if (!token.Admits(request.Headers.Authorization))
            {
                return Results.Json(new BeaconError(401, "the fault controls need the token the devnet printed at start: Authorization: Bearer <token>"),
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            if (!Kinds.Contains(kind, StringComparer.Ordinal))
            {
                return Results.Json(new BeaconError(404, $"no fault '{kind}': one of {string.Join(", ", Kinds)}"), statusCode: StatusCodes.Status404NotFound);
            }

            JsonElement body;
            try
            {
                body = await ReadBodyAsync(request, cancellationToken);
            }
            catch (JsonException error)
            {
                return BadRequest("body", $"is not JSON: {error.Message}");
            }

            var faults = grains.GetGrain<IFaultGrain>(DevnetGrainKeys.Devnet);
            var parsed = FaultRequest.Read(kind, body);
            if (parsed.Problem is { } problem)
            {
                return BadRequest(problem.Field, problem.Message);
            }

            var outcome = await parsed.ApplyAsync(faults);
            return outcome.Applied
                ? Results.Json(new { applied = true, kind, identities = outcome.Identities, @event = outcome.EventIndex })
                : BadRequest(outcome.Field ?? "body", outcome.Error ?? "refused");
        });

        return endpoints;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        return document.RootElement.Clone();
    }

    private static IResult BadRequest(string field, string message) =>
        Results.Json(new BeaconError(400, $"{field}: {message}"), statusCode: StatusCodes.Status400BadRequest);
}
