using NativeDvt.Consensus.Config;
using NativeDvt.Devnet;
using NativeDvt.Experiments.Scenarios;
using NativeDvt.Experiments.Sweeps;

namespace NativeDvt.Experiments.Tests;

[Trait("Category", "Unit")]
public sealed class ScenarioFileReaderTests
{
    [Fact]
    public void Parse_TinyScenario_EveryCombinationIsAPointWithItsDevnet()
    {
        var scenario = ScenarioFileReader.Parse(TinyScenario.Yaml, "tiny.yaml");

        Assert.Equal("tiny", scenario.Name);
        Assert.Equal(4, scenario.Points.Full.Count);
        Assert.Equal(2, scenario.Points.Quick.Count);
        var last = scenario.Points.Full[^1];
        Assert.Equal("latency=80ms, accounting=component", last.Describe());
        Assert.Equal(AccountingPolicy.Component, last.Devnet.Accounting);
        Assert.Equal(TimeSpan.FromMilliseconds(80), last.Devnet.Network.Latency.A);
        Assert.Equal(8, SweepPlan.Runs(scenario, 7, quick: false).Count);
        Assert.Equal([7UL, 8UL], SweepPlan.Runs(scenario, 7, quick: false).Take(2).Select(r => r.Seed));
    }

    [Theory]
    [InlineData("  - { title: Target by latency, x: latency, y: targett }", 14, "plots[0].y: 'targett' is not a metric")]
    [InlineData("  - { title: Target by latency, x: latencyy, y: target }", 14, "plots[0].x: 'latencyy' is bound by no sweep axis")]
    [InlineData("epochz: 2", 4, "epochz: unknown field 'epochz'")]
    [InlineData("    values: [20ms, 20ms]", 9, "sweep[0].values: the value '20ms' is listed twice")]
    public void Parse_BadField_NamesFileLineAndField(string replacement, int line, string expected)
    {
        var lines = TinyScenario.Yaml.Split('\n');
        var index = line - 1;
        var yaml = string.Join('\n', lines.Select((l, i) => i == index ? replacement : l));

        var error = Assert.Throws<DevnetFileException>(() => ScenarioFileReader.Parse(yaml, "bad.yaml"));

        Assert.StartsWith($"bad.yaml:{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlaceholderNoAxisBinds_NamesItsLine()
    {
        var yaml = TinyScenario.Yaml.Replace("    latency: $latency", "    latency: $latencyy", StringComparison.Ordinal);

        var error = Assert.Throws<DevnetFileException>(() => ScenarioFileReader.Parse(yaml, "bad.yaml"));

        Assert.StartsWith("bad.yaml:22:14: devnet: $latencyy is bound by no sweep axis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PointTheDevnetReaderRefuses_NamesTheTemplatesLineAndTheDevnetField()
    {
        // m = 1 of 3 is an unsafe threshold: only one value of the axis makes it, and the error says where and which.
        var yaml = TinyScenario.Yaml
            .Replace("    values: [20ms, 80ms]", "    values: [{ latency: 20ms, m: 2 }, { latency: 80ms, m: 1 }]", StringComparison.Ordinal)
            .Replace("n: 3, m: 2,", "n: 3, m: $m,", StringComparison.Ordinal);

        var error = Assert.Throws<DevnetFileException>(() => ScenarioFileReader.Parse(yaml, "bad.yaml"));

        Assert.Equal(25, error.Line);
        Assert.Equal("devnet.groups[0].m", error.Field);
        Assert.Contains("m = 1 <= n/2", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListValues_GoIntoTheTemplateAsWritten()
    {
        var yaml = TinyScenario.Yaml
            .Replace("    values: [20ms, 80ms]", "    values: [{ latency: 20ms, members: [honest, $second, honest] }, { latency: 80ms, members: [offline, honest, honest] }]", StringComparison.Ordinal)
            .Replace("    values: [whole, component]", "    values: [{ accounting: whole, second: late 300ms }, { accounting: component, second: honest }]", StringComparison.Ordinal)
            .Replace("operator: tested }", "operator: tested, members: $members }", StringComparison.Ordinal);

        var points = ScenarioFileReader.Parse(yaml, "lists.yaml").Points.Full;

        Assert.Equal("late 300ms", points[0].Devnet.Groups[0].Members[1].ToString());
        Assert.Equal("honest", points[1].Devnet.Groups[0].Members[1].ToString());
        Assert.Equal("offline", points[2].Devnet.Groups[0].Members[0].ToString());
    }

    [Fact]
    public void Load_BuiltInScenarios_AllRead()
    {
        var folder = Path.Combine(RepositoryRoot(), "scenarios");
        var files = Directory.GetFiles(folder, "*.yaml");

        Assert.True(files.Length >= 5, $"built-in scenarios in {folder}");
        foreach (var file in files)
        {
            var scenario = ScenarioFileReader.Load(file);
            Assert.NotEmpty(scenario.Plots);
            Assert.NotEmpty(scenario.Points.Quick);
            Assert.True(scenario.Points.Quick.Count <= scenario.Points.Full.Count, file);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NativeDvt.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("NativeDvt.sln not found above " + AppContext.BaseDirectory);
    }
}
