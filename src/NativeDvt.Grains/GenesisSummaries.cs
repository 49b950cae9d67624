using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains;

/// <summary>Builds a devnet file's genesis the way every host does (<see cref="DevnetSetup"/>) and reports it for the Beacon API.</summary>
public static class GenesisSummaries
{
    /// <summary>
    /// Reads <paramref name="file"/>, refuses what the devnet cannot run (<see cref="DevnetAdmission"/>) and builds genesis
    /// with the file's seed (1 when it names none, as <c>ndvt run</c> does).
    /// </summary>
    /// <exception cref="DevnetFileException">The file is invalid.</exception>
    /// <exception cref="ArgumentException">The devnet cannot run it.</exception>
    public static GenesisSummary Build(DevnetFile file, ulong genesisTime)
    {
        var spec = DevnetFileReader.Parse(file.Text, file.Path);
        if (DevnetAdmission.Refusal(spec) is { } refusal)
        {
            throw new ArgumentException($"{file.Path}: {refusal}", nameof(file));
        }

        var (scheme, _) = DevnetSetup.Scheme(spec.Scheme);
        var slot = DevnetSetup.SlotDuration(spec);
        var genesis = DevnetSetup.Genesis(spec, DevnetSetup.Config(spec, scheme, slot), scheme, spec.Seed ?? 1);
        return new GenesisSummary(
            genesisTime,
            genesis.GenesisValidatorsRoot.ToString(),
            genesis.Fork.CurrentVersion.ToString(),
            slot.TotalSeconds,
            genesis.Preset.SlotsPerEpoch,
            spec.Name,
            spec.Scheme.ToString());
    }
}
