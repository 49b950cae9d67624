using NativeDvt.Grains.Abstractions;
using NativeDvt.Tests;

namespace NativeDvt.Grains.Tests;

/// <summary>Devnet files for the tests: the shipped default and small inline ones.</summary>
internal static class DevnetFiles
{
    /// <summary>devnets/local.yaml, the AppHost's default.</summary>
    public static DevnetFile Local
    {
        get
        {
            var path = Path.Combine(RepositoryPaths.Root, "devnets", "local.yaml");
            return new DevnetFile(path, File.ReadAllText(path));
        }
    }

    /// <summary>A one-group devnet with the given scheme.</summary>
    public static DevnetFile Inline(string scheme) => new($"inline-{scheme}.yaml", $$"""
        name: inline
        scheme: {{scheme}}
        groups:
          - { count: 1, n: 4, m: 3 }
        """);
}
