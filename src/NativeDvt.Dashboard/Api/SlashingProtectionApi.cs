using System.Text;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Api;

/// <summary>An identity's slashing protection as an EIP-3076 interchange file, for moving its key to another client.</summary>
internal static class SlashingProtectionApi
{
    public static IEndpointRouteBuilder MapSlashingProtectionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/identities/{key}/slashing-protection", async (IGrainFactory grains, string key) =>
        {
            try
            {
                IdentityKeys.Parse(key);
            }
            catch (FormatException error)
            {
                return Results.Json(new BeaconError(400, error.Message), statusCode: StatusCodes.Status400BadRequest);
            }

            // Checked against the devnet's identities first: a grain call would activate an identity the devnet lacks.
            if (!(await grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet).GetIdentityKeysAsync()).Contains(key, StringComparer.Ordinal))
            {
                return Results.Json(new BeaconError(404, $"the devnet has no identity {key}"), statusCode: StatusCodes.Status404NotFound);
            }

            var json = await grains.GetGrain<IIdentityGrain>(key).ExportSlashingProtectionAsync();
            return Results.File(Encoding.UTF8.GetBytes(json), "application/json", $"{key}-slashing-protection.json");
        });

        return endpoints;
    }
}
