using System.Globalization;
using System.Text;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Testing;

/// <summary>Reading the devnet: statuses, headers, the event log, and a one-line account of where it is.</summary>
public sealed partial class TestDevnet
{
    /// <summary>The status of each identity <paramref name="selector"/> names (all by default), in registry order.</summary>
    public async Task<IReadOnlyList<IdentityStatus>> GetStatusesAsync(string selector = "all") =>
        await Task.WhenAll(Select(selector).Select(key => Client.GetGrain<IIdentityGrain>(key).GetStatusAsync())).ConfigureAwait(false);

    /// <summary>The status of identity <paramref name="key"/>.</summary>
    public Task<IdentityStatus> GetStatusAsync(string key) => Identity(key).GetStatusAsync();

    /// <summary>
    /// The header of <paramref name="blockId"/> (head, genesis, finalized, justified, a slot number or a 0x root) in
    /// identity <paramref name="key"/>'s view, or null when its node has none or is stopped.
    /// </summary>
    public Task<HeaderSummary?> GetHeaderAsync(string key, string blockId = "head") => Identity(key).GetHeaderAsync(blockId);

    /// <summary>The devnet's event log from index <paramref name="sinceIndex"/> on.</summary>
    public Task<DevnetEvent[]> GetEventsAsync(int sinceIndex = 0) => Devnet.GetEventsAsync(sinceIndex);

    /// <summary>Where the devnet is: the wall clock's slot and each identity's head, justified and finalized epochs.</summary>
    public async Task<string> DescribeAsync() => Describe(await GetStatusesAsync().ConfigureAwait(false));

    /// <summary>Where <paramref name="statuses"/> put the devnet against the wall clock, in one line for a failure message.</summary>
    public string Describe(IEnumerable<IdentityStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var slot = WallClockSlot;
        var untilGenesis = GenesisTime - DateTimeOffset.UtcNow;
        var text = untilGenesis > TimeSpan.Zero
            ? new StringBuilder().Append(CultureInfo.InvariantCulture, $"genesis in {untilGenesis.TotalSeconds:0.0} s")
            : new StringBuilder().Append(CultureInfo.InvariantCulture, $"wall clock at slot {slot} (epoch {slot / SlotsPerEpoch})");
        foreach (var status in statuses)
        {
            text.Append("; ").Append(status.Identity).Append(": ");
            if (!status.Running)
            {
                text.Append("stopped");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"head {status.HeadSlot} {Short(status.HeadRoot)}, justified {status.Justified.Epoch}, finalized {status.Finalized.Epoch}");
            if (status.HaltReason is { } halt)
            {
                text.Append(", halted: ").Append(halt);
            }
        }

        return text.ToString();
    }

    private static string Short(string root) => root.Length > 10 ? root[..10] : root;
}
