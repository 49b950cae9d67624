namespace NativeDvt.Simulation.Reporting;

/// <summary>
/// Decentralisation of the devnet's stake over operators (protocol.md section 8): groups count for the operator
/// the devnet file names (or their own group when it names none).
/// </summary>
/// <param name="Operators">Distinct holders: operators (or, for the figures before groups are formed, member keys).</param>
/// <param name="Herfindahl">Sum of squared stake shares (1 = one operator holds everything).</param>
/// <param name="NakamotoCoefficient">Fewest holders that together hold more than 1/3 of the stake (enough to stop finality).</param>
public sealed record StakeFigures(int Operators, double Herfindahl, int NakamotoCoefficient);
