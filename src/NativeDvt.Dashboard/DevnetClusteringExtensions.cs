using Azure.Data.Tables;
using Orleans.Configuration;

namespace NativeDvt.Dashboard;

/// <summary>How the devnet's HTTP host finds the silos: the membership table in Azure Table storage, or the one localhost silo.</summary>
public static class DevnetClusteringExtensions
{
    /// <summary>Pause between attempts to reach the cluster.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Configures <paramref name="client"/> from <paramref name="settings"/>. It keeps trying until a gateway answers: the
    /// AppHost starts this host once the silo processes run, which is before they have joined the cluster.
    /// </summary>
    public static IClientBuilder UseDevnetClustering(this IClientBuilder client, DashboardSettings settings)
    {
        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ClusterId;
        });
        client.UseConnectionRetryFilter(async (_, cancellationToken) =>
        {
            await Task.Delay(RetryDelay, cancellationToken);
            return true;
        });

        return settings.StorageConnectionString is { } storage
            ? client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(storage))
            : client.UseLocalhostClustering(settings.GatewayPort);
    }
}
