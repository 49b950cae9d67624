using System.Globalization;

namespace NativeDvt.Dashboard;

/// <summary>The devnet HTTP host's settings as the AppHost hands them over (environment variables).</summary>
/// <param name="Port">The port on 127.0.0.1 (<c>NDVT_DASHBOARD_PORT</c>, default 5080).</param>
/// <param name="StorageConnectionString">Azure Storage whose membership table lists the silos' gateways; null: localhost clustering.</param>
/// <param name="ClusterId">Orleans' cluster id, the silos' one.</param>
/// <param name="GatewayPort">The one silo's gateway port under localhost clustering.</param>
/// <param name="FaultToken">The fault controls' bearer token (<c>NDVT_FAULT_TOKEN</c>, which the AppHost prints); null: the host makes one and logs it.</param>
public sealed record DashboardSettings(int Port, string? StorageConnectionString, string ClusterId, int GatewayPort, string? FaultToken)
{
    /// <summary>The devnet's URL when nothing else is said.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The connection string's name (<c>ConnectionStrings__ndvt-storage</c>), as the silos read it.</summary>
    public const string StorageName = "ndvt-storage";

    /// <summary>Reads the settings from <paramref name="configuration"/>.</summary>
    public static DashboardSettings From(IConfiguration configuration) => new(
        Port: configuration["NDVT_DASHBOARD_PORT"] is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : DefaultPort,
        StorageConnectionString: configuration.GetConnectionString(StorageName) is { Length: > 0 } storage ? storage : null,
        ClusterId: configuration["NDVT_CLUSTER_ID"] ?? "ndvt",
        GatewayPort: int.Parse(configuration["NDVT_GATEWAY_PORT"] ?? "30000", CultureInfo.InvariantCulture),
        FaultToken: configuration["NDVT_FAULT_TOKEN"] is { Length: > 0 } token ? token : null);
}
