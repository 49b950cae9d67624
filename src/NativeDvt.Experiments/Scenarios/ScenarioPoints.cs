namespace NativeDvt.Experiments.Scenarios;

/// <summary>The sweep points of a scenario's default sweep and of its quick sweep.</summary>
/// <param name="Full">Every combination of the axes' values.</param>
/// <param name="Quick">The combinations of the values <c>--quick</c> keeps.</param>
public sealed record ScenarioPoints(IReadOnlyList<SweepPoint> Full, IReadOnlyList<SweepPoint> Quick);
