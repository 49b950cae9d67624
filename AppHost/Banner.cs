using NativeDvt.Devnet;

namespace NativeDvt.AppHost;

/// <summary>The AppHost's first lines: where the devnet and the Aspire dashboard are, and what runs.</summary>
internal static class Banner
{
    /// <summary>Prints the URLs first, then the devnet, then, loudly, when storage is memory only.</summary>
    public static void Print(AppHostOptions options, CheckedDevnet devnet, AzuriteInstall? azurite)
    {
        Console.WriteLine($"devnet:           {options.DevnetUrl}  (pages; Beacon API under /eth/v1, /metrics, /api/view, /api/events)");
        Console.WriteLine($"fault token:      {options.FaultToken}  (the Faults page and POST /api/faults/{{kind}} ask for it: Authorization: Bearer <token>)");
        Console.WriteLine($"Aspire dashboard: {options.AspireDashboardUrl ?? "(none: ASPNETCORE_URLS is not set)"}");
        var spec = devnet.Spec;
        var silos = azurite is null ? 1 : spec.Silos;
        Console.WriteLine(
            $"devnet file:      {devnet.Path}: '{spec.Name}', {spec.GroupCount} groups, {spec.IdentityCount} identities, " +
            $"{spec.Scheme.ToString().ToLowerInvariant()}; {silos} silo{(silos == 1 ? string.Empty : "s")}");
        var scheduled = spec.Faults.Count + spec.Network.LateProposers.Count;
        if (scheduled > 0)
        {
            Console.WriteLine($"fault schedule:   {scheduled} entr{(scheduled == 1 ? "y" : "ies")} of the file's faults and late proposers, applied at their slots (the event log and the Faults page show them)");
        }

        foreach (var note in DevnetAdmission.Notes(spec))
        {
            Console.WriteLine($"note:             {note}");
        }
        if (azurite is null)
        {
            Console.WriteLine(new string('!', 100));
            Console.WriteLine("!! NO AZURITE (Node.js/npm missing, or the build could not install it): IN-MEMORY STORAGE, ONE SILO,");
            Console.WriteLine("!! LOCALHOST CLUSTERING. State dies with the silo. Install Node.js 20+ with npm and build again.");
            Console.WriteLine(new string('!', 100));
        }
        else
        {
            Console.WriteLine("storage:          Azurite on 127.0.0.1 (in memory, for this run)");
        }

        Console.WriteLine("Ctrl+C stops everything.");
    }
}
