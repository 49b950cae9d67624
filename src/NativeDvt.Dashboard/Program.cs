using System.Net;
using NativeDvt.Dashboard;
using NativeDvt.Dashboard.Api;
using NativeDvt.Dashboard.Faults;
using NativeDvt.ServiceDefaults;
using Orleans.Dashboard;

// The devnet's HTTP host: an Orleans client of the devnet's cluster serving the dashboard's pages, the fault controls,
// a Beacon-API subset, the event log and Prometheus metrics.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var settings = DashboardSettings.From(builder.Configuration);

// 127.0.0.1 only, whatever ASPNETCORE_URLS says: the devnet's controls must never be reachable from another machine.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
builder.UseOrleansClient(client => client.UseDevnetClustering(settings).AddDashboard());
var token = settings.FaultToken is { } given ? new FaultToken(given) : FaultToken.Generate();
builder.Services.AddSingleton(token);
builder.Services.AddDevnetApi();

var app = builder.Build();
app.UseDashboardPages();
app.MapDefaultEndpoints();
app.MapDevnetApi();
app.MapOrleansDashboard(routePrefix: "/orleans");
if (settings.FaultToken is null)
{
    app.Logger.LogWarning("Fault controls token (NDVT_FAULT_TOKEN was not set): {Token}", token.Value);
}

await app.RunAsync();
