using System.Text.Json;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Faults;

/// <summary>A fault request's body read against its kind: the call it makes, or the field that is wrong.</summary>
internal sealed class FaultRequest
{
    private readonly Func<IFaultGrain, Task<FaultOutcome>>? _apply;

    private FaultRequest(Func<IFaultGrain, Task<FaultOutcome>>? apply, (string Field, string Message)? problem)
    {
        _apply = apply;
        Problem = problem;
    }

    /// <summary>The field that is wrong and why, or null.</summary>
    public (string Field, string Message)? Problem { get; }

    /// <summary>Applies it (only when <see cref="Problem"/> is null).</summary>
    public Task<FaultOutcome> ApplyAsync(IFaultGrain faults) => _apply!(faults);

    /// <summary>Reads <paramref name="body"/> as a request of <paramref name="kind"/>.</summary>
    public static FaultRequest Read(string kind, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Refuse("body", "must be a JSON object");
        }

        try
        {
            return kind switch
            {
                "stop" => Stop(Text(body, "identities")),
                "start" => Start(Text(body, "identities")),
                "rotate" => Rotate(Text(body, "identities")),
                "partition" => Sides(body),
                "heal" => Ok(f => f.HealAsync()),
                "delay" => Delay(body),
                "profile" => Profile(body),
                _ => Refuse("kind", $"'{kind}' is not a fault"),
            };
        }
        catch (FieldException error)
        {
            return Refuse(error.Field, error.Message);
        }
    }

    // Fields are read here, not inside the call: a missing one is a 400 before anything is sent.
    private static FaultRequest Stop(string identities) => Ok(f => f.StopAsync(identities));

    private static FaultRequest Start(string identities) => Ok(f => f.StartAsync(identities));

    private static FaultRequest Rotate(string identities) => Ok(f => f.RotateAsync(identities));

    private static FaultRequest Sides(JsonElement body)
    {
        if (!body.TryGetProperty("sides", out var sides) || sides.ValueKind != JsonValueKind.Array)
        {
            return Refuse("sides", "is required: an array of two or more selectors, like [\"g0\", \"g1-2\"]");
        }

        var list = new List<string>();
        foreach (var side in sides.EnumerateArray())
        {
            if (side.ValueKind != JsonValueKind.String)
            {
                return Refuse($"sides[{list.Count}]", "must be a selector string");
            }

            list.Add(side.GetString()!);
        }

        return Ok(f => f.PartitionAsync([.. list]));
    }

    private static FaultRequest Delay(JsonElement body)
    {
        var groups = Text(body, "groups");
        if (!body.TryGetProperty("milliseconds", out var ms) || ms.ValueKind != JsonValueKind.Number || !ms.TryGetInt32(out var milliseconds))
        {
            return Refuse("milliseconds", "is required: a whole number of milliseconds, 0 to end the delay");
        }

        return Ok(f => f.DelayAsync(groups, milliseconds));
    }

    private static FaultRequest Profile(JsonElement body)
    {
        var identities = Text(body, "identities");
        var profile = Text(body, "profile");
        return Ok(f => f.ProfileAsync(identities, profile));
    }

    private static string Text(JsonElement body, string field) =>
        body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FieldException(field, "is required: a non-empty string");

    private static FaultRequest Ok(Func<IFaultGrain, Task<FaultOutcome>> apply) => new(apply, null);

    private static FaultRequest Refuse(string field, string message) => new(null, (field, message));

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
