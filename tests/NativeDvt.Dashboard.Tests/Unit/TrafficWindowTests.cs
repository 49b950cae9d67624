using NativeDvt.Dashboard.Faults;
using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Tests.Unit;

/// <summary>Gossip rates over the window, monotonic totals across node restarts, and the fault token.</summary>
[Trait("Category", "Unit")]
public sealed class TrafficWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

    private static IdentityActivity Node(string identity, long published, long bytes) =>
        new(identity, true, 1, [new TopicTraffic("beacon_block", published, bytes, published * 2, 0, 0)], [], 0, "honest");

    [Fact]
    public void Rates_ArePerSlotOverTheWindow_AndARestartNeverCountsBackwards()
    {
        var window = new TrafficWindow(TimeSpan.FromSeconds(30));
        window.Add(T0, [Node("a", 100, 10_000)]);
        window.Add(T0.AddSeconds(2), [Node("a", 104, 10_400)]);
        // The node restarted: its counters begin again at 1.
        window.Add(T0.AddSeconds(4), [Node("a", 1, 100)]);

        var rate = Assert.Single(window.Rates(TimeSpan.FromSeconds(2)));
        Assert.Equal(("beacon_block", 2.5, 250.0), (rate.Topic, rate.MessagesPerSlot, rate.BytesPerSlot));
        Assert.Equal(105, Assert.Single(window.Totals).Published);
    }

    [Theory]
    [InlineData("Bearer secret", true)]
    [InlineData("bearer secret", true)]
    [InlineData("Bearer  secret ", true)]
    [InlineData("Bearer secre", false)]
    [InlineData("Basic secret", false)]
    [InlineData("secret", false)]
    [InlineData(null, false)]
    public void FaultToken_AdmitsOnlyTheBearerToken(string? authorization, bool admitted) =>
        Assert.Equal(admitted, new FaultToken("secret").Admits(authorization));
}
