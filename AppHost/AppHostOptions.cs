using System.Globalization;

namespace NativeDvt.AppHost;

/// <summary>The AppHost's own command line and environment: the devnet file and the fixed loopback ports.</summary>
/// <param name="DevnetFile">The devnet file as given (relative paths are resolved against the repository root).</param>
/// <param name="DashboardPort">The devnet's HTTP port on 127.0.0.1.</param>
/// <param name="AspireDashboardUrl">The Aspire dashboard's URL (ASPNETCORE_URLS, from launchSettings.json), or null when it has none.</param>
/// <param name="FaultToken">The bearer token the devnet's fault controls require: NDVT_FAULT_TOKEN, else a fresh random one.</param>
/// <param name="FixedPorts">Every port this run needs on loopback whose number is fixed, by name.</param>
/// <param name="AspireArgs">What is left of the command line, for Aspire.</param>
internal sealed record AppHostOptions(
    string DevnetFile,
    int DashboardPort,
    string? AspireDashboardUrl,
    string FaultToken,
    IReadOnlyDictionary<string, int> FixedPorts,
    string[] AspireArgs)
{
    /// <summary>The devnet file when none is given.</summary>
    public const string DefaultDevnetFile = "devnets/local.yaml";

    /// <summary>The devnet's HTTP port when NDVT_DASHBOARD_PORT is not set.</summary>
    public const int DefaultDashboardPort = 5080;

    /// <summary>The devnet's URL.</summary>
    public string DevnetUrl => $"http://127.0.0.1:{DashboardPort}";

    /// <summary>Reads <c>--devnet FILE</c> (or <c>--devnet=FILE</c>) and the environment; other arguments go to Aspire.</summary>
    public static AppHostOptions Parse(string[] args)
    {
        var devnet = DefaultDevnetFile;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--devnet" && i + 1 < args.Length)
            {
                devnet = args[++i];
            }
            else if (args[i].StartsWith("--devnet=", StringComparison.Ordinal))
            {
                devnet = args[i]["--devnet=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var port = Environment.GetEnvironmentVariable("NDVT_DASHBOARD_PORT") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : DefaultDashboardPort;
        var ports = new Dictionary<string, int>(StringComparer.Ordinal) { [$"the devnet's port 127.0.0.1:{port}"] = port };
        var dashboardUrl = FirstUrl("ASPNETCORE_URLS");
        AddFixed(ports, "the Aspire dashboard's", dashboardUrl);
        AddFixed(ports, "the Aspire dashboard's OTLP", FirstUrl("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"));
        AddFixed(ports, "the Aspire resource service's", FirstUrl("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"));
        var token = Environment.GetEnvironmentVariable("NDVT_FAULT_TOKEN") is { Length: > 0 } given
            ? given
            : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        return new AppHostOptions(devnet, port, dashboardUrl, token, ports, [.. rest]);
    }

    /// <summary>How to move off the port named <paramref name="taken"/>.</summary>
    public string PortHint(string taken) => taken.StartsWith("the devnet's", StringComparison.Ordinal)
        ? "NDVT_DASHBOARD_PORT"
        : "AppHost/Properties/launchSettings.json";

    private static string? FirstUrl(string variable) =>
        Environment.GetEnvironmentVariable(variable)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static void AddFixed(Dictionary<string, int> ports, string what, string? url)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0)
        {
            ports[$"{what} port {uri.Host}:{uri.Port}"] = uri.Port;
        }
    }
}
