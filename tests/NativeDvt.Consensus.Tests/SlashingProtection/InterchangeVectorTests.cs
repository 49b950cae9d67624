using System.Globalization;
using System.Text.Json;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Tests;

namespace NativeDvt.Consensus.Tests.SlashingProtection;

/// <summary>
/// eth-clients slashing-protection-interchange-tests v5.3.0, every case. The protector implements the
/// complete strategy, so each attempt is checked against should_succeed_complete. Slashable imports are
/// accepted, never refused, so every step of every case runs.
/// </summary>
[Trait("Category", "Vectors")]
public sealed class InterchangeVectorTests
{
    [Fact]
    public async Task InterchangeTests_EveryCase_MatchesCompleteStrategy()
    {
        using var document = Vectors.Load("slashing-protection/interchange_tests.json");
        var cases = Vectors.Cases(document);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var name = testCase.GetProperty("name").GetString()!;
            try
            {
                failures.AddRange((await RunAsync(testCase)).Select(f => $"{name}: {f}"));
            }
            catch (Exception e)
            {
                failures.Add($"{name}: unexpected {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures in {cases.Count} cases:\n" + string.Join("\n", failures));
    }

    private static async Task<List<string>> RunAsync(JsonElement testCase)
    {
        var failures = new List<string>();
        var protector = new SlashingProtector(new InMemorySlashingProtectionStore(), Root.FromHex(testCase.GetProperty("genesis_validators_root").GetString()!));
        var stepIndex = 0;
        foreach (var step in testCase.GetProperty("steps").EnumerateArray())
        {
            var shouldSucceed = step.GetProperty("should_succeed").GetBoolean();
            var imported = true;
            try
            {
                await protector.ImportAsync(step.GetProperty("interchange").GetRawText(), TestContext.Current.CancellationToken);
            }
            catch (InterchangeException)
            {
                imported = false;
            }

            if (imported != shouldSucceed)
            {
                failures.Add($"step {stepIndex}: import {(imported ? "succeeded" : "failed")}, expected the opposite");
            }

            foreach (var block in step.GetProperty("blocks").EnumerateArray())
            {
                var decision = await protector.CheckAndRecordBlockAsync(
                    Vectors.Hex(block.GetProperty("pubkey").GetString()!),
                    new Slot(UInt64(block, "slot")),
                    Root.FromHex(block.GetProperty("signing_root").GetString()!),
                    TestContext.Current.CancellationToken);
                var expected = block.GetProperty("should_succeed_complete").GetBoolean();
                if (decision.IsAllowed != expected)
                {
                    failures.Add($"step {stepIndex}: block at slot {UInt64(block, "slot")}: {(decision.IsAllowed ? "allowed" : decision.Detail)}, expected {(expected ? "allowed" : "refused")}");
                }
            }

            foreach (var attestation in step.GetProperty("attestations").EnumerateArray())
            {
                var source = UInt64(attestation, "source_epoch");
                var target = UInt64(attestation, "target_epoch");
                var decision = await protector.CheckAndRecordAttestationAsync(
                    Vectors.Hex(attestation.GetProperty("pubkey").GetString()!),
                    new Epoch(source),
                    new Epoch(target),
                    Root.FromHex(attestation.GetProperty("signing_root").GetString()!),
                    TestContext.Current.CancellationToken);
                var expected = attestation.GetProperty("should_succeed_complete").GetBoolean();
                if (decision.IsAllowed != expected)
                {
                    failures.Add($"step {stepIndex}: attestation ({source}, {target}): {(decision.IsAllowed ? "allowed" : decision.Detail)}, expected {(expected ? "allowed" : "refused")}");
                }
            }

            stepIndex++;
        }

        return failures;
    }

    private static ulong UInt64(JsonElement element, string name) =>
        ulong.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
