using NativeDvt.Dashboard.Api;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Beacon;

/// <summary>
/// <c>/eth/v1/beacon/states/head/validators</c> and <c>.../validators/{validator_id}</c>: each group is one validator
/// (index = registry index). The standard <c>pubkey</c> field holds member 0's key, since the standard shape has room
/// for one; every member's key, and m, are in the extra fields <c>members</c> and <c>threshold</c>. Groups have no
/// withdrawal credentials here: that field is 32 zero bytes. <c>validator_id</c> is an index or any member's key;
/// <c>?id=</c> filters the list the same way, and <c>?status=</c> by status.
/// </summary>
internal static class ValidatorApi
{
    private static readonly System.Text.Json.JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    private const string NoCredentials = "0x0000000000000000000000000000000000000000000000000000000000000000";

    public static IEndpointRouteBuilder MapValidatorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/eth/v1/beacon/states/{state_id}/validators", async (IGrainFactory grains, string state_id, string[]? id, string[]? status) =>
        {
            if (state_id != "head")
            {
                return Results.Json(new BeaconError(400, $"state id {state_id}: only head is served"), statusCode: StatusCodes.Status400BadRequest);
            }

            var ids = (id ?? []).SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var statuses = (status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
            var groups = await GroupsAsync(grains);
            var shown = groups
                .Where(g => ids.Count == 0 || ids.Any(i => Matches(g, i)))
                .Select(Validator)
                .Where(v => statuses.Count == 0 || statuses.Contains(v.Status) || statuses.Contains(v.Status.Split('_')[0]));
            return Results.Json(new { execution_optimistic = false, finalized = false, data = shown.ToArray() }, SnakeCase);
        });

        endpoints.MapGet("/eth/v1/beacon/states/{state_id}/validators/{validator_id}", async (IGrainFactory grains, string state_id, string validator_id) =>
        {
            if (state_id != "head")
            {
                return Results.Json(new BeaconError(400, $"state id {state_id}: only head is served"), statusCode: StatusCodes.Status400BadRequest);
            }

            var group = (await GroupsAsync(grains)).FirstOrDefault(g => Matches(g, validator_id));
            return group is null
                ? Results.Json(new BeaconError(404, $"Validator not found: {validator_id}"), statusCode: StatusCodes.Status404NotFound)
                : Results.Json(new { execution_optimistic = false, finalized = false, data = Validator(group) }, SnakeCase);
        });

        return endpoints;
    }

    /// <summary>The groups some node can read on chain.</summary>
    private static async Task<GroupSummary[]> GroupsAsync(IGrainFactory grains) =>
        [.. (await GroupApi.SummariesAsync(grains)).Where(s => s.Chain is not null)];

    private static bool Matches(GroupSummary group, string id) =>
        id.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? group.Chain!.Pubkeys.Contains(id, StringComparer.OrdinalIgnoreCase)
            : ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index == group.Index;

    private static ValidatorEntry Validator(GroupSummary group)
    {
        var chain = group.Chain!;
        return new ValidatorEntry(
            BeaconNodeApi.Text(group.Index),
            BeaconNodeApi.Text(chain.BalanceGwei),
            Status(chain),
            new ValidatorFields(
                chain.Pubkeys.FirstOrDefault() ?? "",
                NoCredentials,
                BeaconNodeApi.Text(chain.EffectiveBalanceGwei),
                chain.Slashed,
                BeaconNodeApi.Text(chain.ActivationEligibilityEpoch),
                BeaconNodeApi.Text(chain.ActivationEpoch),
                BeaconNodeApi.Text(chain.ExitEpoch),
                BeaconNodeApi.Text(chain.WithdrawableEpoch)),
            chain.Pubkeys,
            BeaconNodeApi.Text(chain.Threshold));
    }

    /// <summary>The Beacon API's validator status from the registry's epochs (phase0's validator status rules).</summary>
    private static string Status(GroupChainView chain)
    {
        return chain.Status switch
        {
            "active" => chain.Slashed ? "active_slashed" : "active_ongoing",
            "slashed" => chain.Slashed && chain.ExitEpoch == ulong.MaxValue ? "active_slashed" : "exited_slashed",
            "exited" => chain.Slashed ? "exited_slashed" : "exited_unslashed",
            _ => chain.ActivationEligibilityEpoch == ulong.MaxValue ? "pending_initialized" : "pending_queued",
        };
    }
}

/// <summary>One entry of the validators endpoint, in the standard shape plus the group's members and threshold.</summary>
internal sealed record ValidatorEntry(string Index, string Balance, string Status, ValidatorFields Validator, string[] Members, string Threshold);

/// <summary>The standard <c>validator</c> object.</summary>
internal sealed record ValidatorFields(
    string Pubkey,
    string WithdrawalCredentials,
    string EffectiveBalance,
    bool Slashed,
    string ActivationEligibilityEpoch,
    string ActivationEpoch,
    string ExitEpoch,
    string WithdrawableEpoch);
