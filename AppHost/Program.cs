using NativeDvt.AppHost;

// dotnet run --project AppHost [-- --devnet FILE]: the local devnet. Nothing starts before the devnet file is valid and
// the fixed ports are free; then storage, the silos and the devnet's HTTP host start in that order, each waiting for the
// one before, and Ctrl+C stops them all.
var options = AppHostOptions.Parse(args);
var builder = DistributedApplication.CreateBuilder(options.AspireArgs);
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

if (DevnetFileCheck.Load(repositoryRoot, options.DevnetFile) is not { } devnet)
{
    return 1;
}

if (LoopbackPorts.FirstTaken(options.FixedPorts) is { } taken)
{
    Console.Error.WriteLine($"error: {taken} is already taken; stop what listens there or choose another port ({options.PortHint(taken)})");
    return 1;
}

var azurite = AzuriteInstall.Find(builder.AppHostDirectory);
Banner.Print(options, devnet, azurite);

// Storage: Azurite on loopback, or nothing (silos then use memory and localhost clustering).
var storage = azurite is null ? null : builder.AddAzurite(azurite);

// Silos: as many as the devnet file asks for; one without storage, since localhost clustering has one primary silo.
var silos = builder.AddSilos(storage, devnet, siloCount: storage is null ? 1 : devnet.Spec.Silos);

// The devnet's HTTP host, once every silo runs.
builder.AddDevnetHttpHost(storage, silos, options.DashboardPort, options.FaultToken);

ResourceProgress.Start(builder.Eventing);
await builder.Build().RunAsync();
return Environment.ExitCode;
