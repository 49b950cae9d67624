using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>
/// The Beacon-API endpoints read from an identity's node: <c>?identity=g0-m1</c> picks one, otherwise the first running
/// identity answers, as one beacon node would. The proposer index is the group's index. A block here carries a group
/// signature (member bits and m signatures), not one: the header's standard <c>signature</c> is the first signer's,
/// and the extra field <c>group_signature</c> holds the group signature's SSZ.
/// </summary>
internal static class BeaconNodeApi
{
    public static IEndpointRouteBuilder MapBeaconNodeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/eth/v1/beacon/headers/{block_id}", async (IGrainFactory grains, string block_id, string? identity) =>
        {
            var (error, header, finalized) = await FindHeaderAsync(grains, block_id, identity);
            if (error is not null)
            {
                return error;
            }

            return Results.Json(new
            {
                execution_optimistic = false,
                finalized,
                data = new
                {
                    root = header!.Root,
                    canonical = header.Canonical,
                    header = new
                    {
                        message = new
                        {
                            slot = Text(header.Slot),
                            proposer_index = Text(header.ProposerIndex),
                            parent_root = header.ParentRoot,
                            state_root = header.StateRoot,
                            body_root = header.BodyRoot,
                        },
                        signature = header.MemberSignature,
                    },
                    group_signature = header.Signature,
                },
            });
        });

        endpoints.MapGet("/eth/v1/beacon/blocks/{block_id}/root", async (IGrainFactory grains, string block_id, string? identity) =>
        {
            var (error, header, finalized) = await FindHeaderAsync(grains, block_id, identity);
            if (error is not null)
            {
                return error;
            }

            return Results.Json(new { execution_optimistic = false, finalized, data = new { root = header!.Root } });
        });

        endpoints.MapGet("/eth/v1/beacon/states/{state_id}/finality_checkpoints", async (IGrainFactory grains, string state_id, string? identity) =>
        {
            if (state_id != "head")
            {
                return Results.Json(new BeaconError(400, $"state id {state_id}: only head is served"), statusCode: StatusCodes.Status400BadRequest);
            }

            return await AnsweringAsync(grains, identity) is not { } node
                ? NoNode()
                : Results.Json(new
                {
                    execution_optimistic = false,
                    finalized = false,
                    data = new
                    {
                        previous_justified = Checkpoint(node.PreviousJustified),
                        current_justified = Checkpoint(node.Justified),
                        finalized = Checkpoint(node.Finalized),
                    },
                });
        });

        endpoints.MapGet("/api/identities", async (IGrainFactory grains) =>
        {
            var keys = await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetIdentityKeysAsync();
            return Results.Json(await Task.WhenAll(keys.Select(k => grains.GetGrain<IIdentityGrain>(k).GetStatusAsync())));
        });

        return endpoints;
    }

    /// <summary>The header of <paramref name="blockId"/> in the answering node's view, with whether it is finalized, or the error to answer.</summary>
    private static async Task<(IResult? Error, HeaderSummary? Header, bool Finalized)> FindHeaderAsync(IGrainFactory grains, string blockId, string? identity)
    {
        if (await AnsweringAsync(grains, identity) is not { } node)
        {
            return (NoNode(), null, false);
        }

        var grain = grains.GetGrain<IIdentityGrain>(node.Identity);
        HeaderSummary? header;
        try
        {
            header = await grain.GetHeaderAsync(blockId);
        }
        catch (ArgumentException error)
        {
            return (Results.Json(new BeaconError(400, error.Message), statusCode: StatusCodes.Status400BadRequest), null, false);
        }

        if (header is null)
        {
            return (Results.Json(new BeaconError(404, $"block {blockId} is not in {node.Identity}'s view"), statusCode: StatusCodes.Status404NotFound), null, false);
        }

        var finalized = header.Canonical && await grain.GetHeaderAsync("finalized") is { } last && header.Slot <= last.Slot;
        return (null, header, finalized);
    }

    internal static object Checkpoint(CheckpointSummary checkpoint) => new { epoch = Text(checkpoint.Epoch), root = checkpoint.Root };

    internal static string Text(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static IResult NoNode() =>
        Results.Json(new BeaconError(503, "no identity's node runs yet"), statusCode: StatusCodes.Status503ServiceUnavailable);

    internal static async Task<IdentityStatus?> AnsweringAsync(IGrainFactory grains, string? identity)
    {
        var keys = identity is { } chosen ? [chosen] : await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetIdentityKeysAsync();
        foreach (var key in keys)
        {
            var status = await grains.GetGrain<IIdentityGrain>(key).GetStatusAsync();
            if (status.Running)
            {
                return status;
            }
        }

        return null;
    }
}
