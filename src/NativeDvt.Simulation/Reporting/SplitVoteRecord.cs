namespace NativeDvt.Simulation.Reporting;

/// <summary>A slot where a group's members signed different data and none reached m.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Group">The group.</param>
/// <param name="DistinctData">How many different AttestationData its members signed.</param>
/// <param name="Signers">Members that signed.</param>
/// <param name="LargestAgreement">Members behind the most-signed data.</param>
public sealed record SplitVoteRecord(ulong Slot, ulong Group, int DistinctData, int Signers, int LargestAgreement);
