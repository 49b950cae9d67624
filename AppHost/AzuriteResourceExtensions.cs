using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NativeDvt.AppHost;

/// <summary>Azurite as an executable resource, and the connection string the silos and the HTTP host get for it.</summary>
/// <param name="Resource">The running Azurite, to wait for.</param>
/// <param name="ConnectionString">Blob, queue and table endpoints on 127.0.0.1 with this run's account key.</param>
internal sealed record DevnetStorage(IResourceBuilder<ExecutableResource> Resource, string ConnectionString);

/// <summary>Adds Azurite to the app model.</summary>
internal static class AzuriteResourceExtensions
{
    /// <summary>The storage account this run creates in Azurite (instead of its well-known development account).</summary>
    private const string Account = "ndvt";

    /// <summary>
    /// Starts Azurite on three free loopback ports, in memory: a devnet's state lives as long as its run (genesis is
    /// anchored at each start), survives any silo's death since Azurite outlives the silos, and leaves no files behind.
    /// The account key is fresh for each run. The resource is healthy once the table service accepts connections.
    /// </summary>
    public static DevnetStorage AddAzurite(this IDistributedApplicationBuilder builder, AzuriteInstall azurite)
    {
        var (blob, queue, table) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        const string healthCheck = "azurite-table";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", table, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException e)
            {
                return HealthCheckResult.Unhealthy($"table service on 127.0.0.1:{table}: {e.SocketErrorCode}");
            }
        });

        var resource = builder.AddExecutable("azurite", azurite.Node, azurite.Directory, azurite.Script,
                "--blobHost", "127.0.0.1", "--blobPort", Port(blob),
                "--queueHost", "127.0.0.1", "--queuePort", Port(queue),
                "--tableHost", "127.0.0.1", "--tablePort", Port(table),
                // Offline, Azurite's telemetry makes it hang about 100 s on exit.
                "--disableTelemetry",
                // The Azure SDK the Orleans providers bring speaks a newer storage API version than Azurite knows.
                "--skipApiVersionCheck",
                "--inMemoryPersistence")
            .WithEnvironment("AZURITE_ACCOUNTS", $"{Account}:{key}")
            .WithHealthCheck(healthCheck);

        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{Account};QueueEndpoint=http://127.0.0.1:{queue}/{Account};TableEndpoint=http://127.0.0.1:{table}/{Account};";
        return new DevnetStorage(resource, connectionString);
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
