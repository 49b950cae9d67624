using System.Diagnostics;

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary><c>ndvt run</c> as a child process: a short devnet over loopback libp2p, and its argument errors.</summary>
[Trait("Category", "Devnet")]
[Collection(RealTimeDevnets.Name)]
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_OneGroupForTwoEpochs_PrintsEpochLinesAndSummary()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ndvt-run-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, OneGroup.Yaml, TestContext.Current.CancellationToken);
        try
        {
            var (exit, stdout, stderr) = await RunAsync("run", file, "--epochs", "2");

            Assert.True(exit == 0, $"exit {exit}: {stderr}");
            var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
            Assert.Contains(lines, l => l.StartsWith("devnet one-group: 1 groups, 4 of 4 member nodes up", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("epoch  finalized  justified", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("    0  ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("    1  ", StringComparison.Ordinal) && l.EndsWith('%'));
            Assert.Contains(lines, l => l.StartsWith("refusals: 0 by slashing protection, 0 blocks rejected", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("beacon_block", StringComparison.Ordinal));
            Assert.Contains("wall time", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Run_MissingFileOrBadEpochs_ExitsWithTwo()
    {
        var missing = await RunAsync("run", Path.Combine(Path.GetTempPath(), "no-such-devnet.yaml"));
        var file = Path.Combine(Path.GetTempPath(), $"ndvt-run-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, OneGroup.Yaml, TestContext.Current.CancellationToken);
        try
        {
            var badEpochs = await RunAsync("run", file, "--epochs", "0");

            Assert.Equal(2, missing.Exit);
            Assert.Equal(2, badEpochs.Exit);
            Assert.Contains("--epochs", badEpochs.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ndvt.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
