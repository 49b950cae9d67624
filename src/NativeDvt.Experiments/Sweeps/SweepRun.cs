using NativeDvt.Experiments.Scenarios;

namespace NativeDvt.Experiments.Sweeps;

/// <summary>One simulator run of a sweep.</summary>
/// <param name="Index">Position in the sweep (0-based), the order of the CSV and the report.</param>
/// <param name="Point">The axes' values and the devnet they make.</param>
/// <param name="Seed">This run's seed: the sweep's seed plus the repetition.</param>
/// <param name="Epochs">Epochs to run.</param>
public sealed record SweepRun(int Index, SweepPoint Point, ulong Seed, int Epochs);
