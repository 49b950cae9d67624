using NativeDvt.Grains.Identities;
using NativeDvt.ServiceDefaults;
using NativeDvt.Silo;
using Orleans.Dashboard;

// One silo of the devnet. The AppHost hands it everything through environment variables (SiloSettings): storage,
// ports, the devnet file and the genesis time.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
var settings = SiloSettings.From(builder.Configuration);
builder.UseOrleans(silo => silo
    .UseDevnetStorage(settings)
    // Grain-level statistics for the Orleans dashboard the devnet's HTTP host mounts under /orleans.
    .AddDashboard()
    .AddStartupTask<DevnetStartupTask>());
builder.Services.AddSingleton(settings);
builder.Services.AddDevnetIdentities(settings.StorageConnectionString, listenAddress: settings.Address);

await builder.Build().RunAsync();
