namespace NativeDvt.Simulation.Reporting;

/// <summary>How often one group (or a template's groups together) acted, over the epochs measured.</summary>
/// <param name="Label">The group (g5) or template (3-of-4 x16).</param>
/// <param name="N">Members.</param>
/// <param name="M">Threshold.</param>
/// <param name="GroupEpochs">Group-epochs measured.</param>
/// <param name="Source">Group-epochs with the source flag.</param>
/// <param name="Target">Group-epochs with the target flag.</param>
/// <param name="Head">Group-epochs with the head flag.</param>
/// <param name="ProposalDuties">Proposal slots assigned.</param>
/// <param name="Proposed">Of those, slots with a canonical block.</param>
public sealed record GroupParticipation(string Label, int N, int M, int GroupEpochs, int Source, int Target, int Head, int ProposalDuties, int Proposed)
{
    /// <summary>Target flags earned over group-epochs.</summary>
    public double TargetRate => GroupEpochs == 0 ? 0 : (double)Target / GroupEpochs;
}
