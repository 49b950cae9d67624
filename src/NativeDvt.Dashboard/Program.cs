using System.Net;
using NativeDvt.Dashboard;
using NativeDvt.Dashboard.Api;
using NativeDvt.ServiceDefaults;

// The devnet's HTTP host: an Orleans client of the devnet's cluster serving a Beacon-API subset and the event log.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var settings = DashboardSettings.From(builder.Configuration);

// 127.0.0.1 only, whatever ASPNETCORE_URLS says: the devnet's controls must never be reachable from another machine.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
builder.UseOrleansClient(client => client.UseDevnetClustering(settings));
builder.Services.AddDevnetApi();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDevnetApi();
await app.RunAsync();
