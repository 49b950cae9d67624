using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Tests.Unit;

/// <summary>Each logged group slashing with what the monitor read of its block: read, not read yet, or lost.</summary>
[Trait("Category", "Unit")]
public sealed class SlashingViewsTests
{
    [Fact]
    public void Slashings_TellReadFromNotYetReadFromLost()
    {
        var genesis = new GenesisSummary(1_000, "0x00", "0x00000000", 2, 8, "unit", "insecure");
        DevnetEvent[] events =
        [
            new(DevnetEventKinds.GroupSlashing, 12, "g0/m0", "g1 slashed"),
            new(DevnetEventKinds.IdentityStarted, 0, "g0/m0", ""),
            new(DevnetEventKinds.GroupSlashing, 20, "g0/m0", "g2 slashed"),
            new(DevnetEventKinds.GroupSlashing, 30, "g0/m0", "g3 slashed"),
        ];
        var side = new SlashingSide(11, "0xaa", "vote", [0, 1]);
        var evidence = new Dictionary<int, SlashingEvidence[]> { [0] = [new SlashingEvidence(12, 1, "attester", side, side)], [2] = [] };
        var readings = new DevnetReadings(
            genesis, ChainClock.Of(genesis), DateTimeOffset.FromUnixTimeSeconds(1_000 + 80), [], [], [], events, [], [], [], new Dictionary<ulong, GroupEpochSummary[]>(), [], evidence);

        var slashings = DevnetViewBuilder.Build(readings).Slashings;

        Assert.Equal([(12ul, 1, false), (20ul, 0, true), (30ul, 0, false)], slashings.Select(s => (s.Event.Slot!.Value, s.Evidence.Length, s.Lost)));
    }
}
