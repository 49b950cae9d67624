using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Comparison;

/// <summary>One devnet file run three ways with one seed (protocol.md section 8): as written, as solo keys, consolidated.</summary>
/// <param name="AsWritten">The file as written: groups of member keys.</param>
/// <param name="Solo">Every member key a solo validator.</param>
/// <param name="Consolidated">Every group one key holding the group's balance.</param>
public sealed record ComparisonReport(SimulationReport AsWritten, SimulationReport Solo, SimulationReport Consolidated)
{
    /// <summary>Stake concentration per member key: every key its own holder, before groups are formed.</summary>
    public StakeFigures StakeBeforeGroups => AsWritten.StakeByMemberKey;

    /// <summary>Stake concentration per operator once the groups are formed (a group without operator is its own).</summary>
    public StakeFigures StakeAfterGroups => AsWritten.Stake;

    /// <summary>
    /// The extra time a group's block takes to reach 95% of the nodes compared with the solo run's blocks (mean, ms
    /// into the slot): the leader/follow round. 95% rather than all, so that a node catching up after a crash does
    /// not decide it.
    /// </summary>
    public double ExtraRoundOverSoloMs => Math.Round(AsWritten.Proposals.MeanSeenBy95Ms - Solo.Proposals.MeanSeenBy95Ms, 1);

    /// <summary>Runs <paramref name="spec"/> the three ways with the same options.</summary>
    public static ComparisonReport Run(Devnet.DevnetSpec spec, SimulationOptions options) => new(
        DevnetSimulation.Create(spec, options).Run(),
        DevnetSimulation.Create(DevnetVariants.AsSolos(spec), options).Run(),
        DevnetSimulation.Create(DevnetVariants.AsConsolidated(spec), options with { MaxEffectiveBalanceGwei = DevnetVariants.MaxEffectiveBalanceFor(spec) }).Run());
}
