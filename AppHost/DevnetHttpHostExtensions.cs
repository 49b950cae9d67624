using System.Globalization;

namespace NativeDvt.AppHost;

/// <summary>Adds the devnet's HTTP host (NativeDvt.Dashboard) to the app model.</summary>
internal static class DevnetHttpHostExtensions
{
    /// <summary>
    /// Adds <c>dashboard</c> on 127.0.0.1:<paramref name="port"/> (no proxy: the port printed is the port it binds), after
    /// every silo runs; healthy once the cluster answers (<c>/health</c>). Its fault controls take <paramref name="faultToken"/>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDevnetHttpHost(
        this IDistributedApplicationBuilder builder, DevnetStorage? storage, IReadOnlyList<SiloResource> silos, int port, string faultToken)
    {
        var host = builder.AddProject<Projects.NativeDvt_Dashboard>("dashboard")
            .WithHttpEndpoint(port: port, targetPort: port, name: "http", env: "NDVT_DASHBOARD_PORT", isProxied: false)
            .WithEndpoint("http", endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("NDVT_FAULT_TOKEN", faultToken)
            .WithEnvironment("NDVT_GATEWAY_PORT", silos[0].GatewayPort.ToString(CultureInfo.InvariantCulture))
            .WithStorage(storage);
        foreach (var silo in silos)
        {
            host.WaitFor(silo.Resource);
        }

        return host;
    }
}
