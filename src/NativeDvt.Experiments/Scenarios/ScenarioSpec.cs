namespace NativeDvt.Experiments.Scenarios;

/// <summary>
/// An experiment as a scenario file describes it (docs/experiments.md, "Scenario files"): a devnet template whose
/// <c>$name</c> placeholders the sweep fills, the sweep's axes, how many seeds each point runs, and the plots.
/// </summary>
/// <param name="Name">Short name: the output folder and the report's title.</param>
/// <param name="Question">The question the sweep answers.</param>
/// <param name="File">Where the scenario came from, for errors.</param>
/// <param name="Seed">The first seed unless the command line gives one; repetition r runs seed + r.</param>
/// <param name="Full">Epochs and seeds of the default sweep.</param>
/// <param name="Quick">Epochs and seeds of <c>--quick</c>.</param>
/// <param name="Axes">The swept parameters; every combination of their values is one sweep point.</param>
/// <param name="Plots">What to draw from the runs' metrics.</param>
/// <param name="Points">The points of the default sweep and of the quick one, devnets already read.</param>
public sealed record ScenarioSpec(
    string Name,
    string Question,
    string? File,
    ulong Seed,
    SweepSize Full,
    SweepSize Quick,
    IReadOnlyList<SweepAxis> Axes,
    IReadOnlyList<PlotSpec> Plots,
    ScenarioPoints Points);

/// <summary>How long each run is and how many seeds each point runs.</summary>
/// <param name="Epochs">Epochs per run.</param>
/// <param name="Seeds">Repetitions per sweep point, each with its own seed.</param>
public sealed record SweepSize(int Epochs, int Seeds);

/// <summary>One swept parameter.</summary>
/// <param name="Parameter">The name its values bind (<c>$parameter</c> in the devnet, an x axis of a plot).</param>
/// <param name="Values">The values in sweep order.</param>
/// <param name="QuickValues">The labels <c>--quick</c> keeps; all values when the file lists none.</param>
public sealed record SweepAxis(string Parameter, IReadOnlyList<SweepValue> Values, IReadOnlyList<string> QuickValues);

/// <summary>One value of an axis: a single value, or a mapping binding the parameter and companion names at once.</summary>
/// <param name="Label">The parameter's value as text (the plot's x or series label).</param>
/// <param name="Bindings">Every name this value binds, with the YAML source text put in place of <c>$name</c>.</param>
public sealed record SweepValue(string Label, IReadOnlyList<KeyValuePair<string, string>> Bindings);

/// <summary>A plot: the mean over seeds of one metric against one bound name, a line per combination of the other names.</summary>
/// <param name="Title">The plot's title (and its PNG's file name, made safe).</param>
/// <param name="X">The bound name along the x axis.</param>
/// <param name="Y">The metric (<see cref="Metrics.RunMetrics.Names"/>).</param>
/// <param name="Where">Only runs whose bindings have these labels.</param>
/// <param name="Series">The names whose values make the lines; empty: the other axes' parameters.</param>
public sealed record PlotSpec(string Title, string X, string Y, IReadOnlyDictionary<string, string> Where, IReadOnlyList<string> Series);
