using NativeDvt.Devnet;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Unit")]
public sealed class SimulatedNetworkTests
{
    private static (EventScheduler Scheduler, SimulatedNetwork Network, List<(int To, GossipDelivery Message, TimeSpan At)> Log) Build(int nodes, NetworkSpec? spec = null, ulong seed = 1)
    {
        var scheduler = new EventScheduler();
        var network = new SimulatedNetwork(scheduler, spec ?? NetworkSpec.Default, new SimRandom(seed));
        var log = new List<(int, GossipDelivery, TimeSpan)>();
        for (var i = 0; i < nodes; i++)
        {
            var id = i;
            network.AddNode(m => log.Add((id, m, scheduler.Now)));
            network.Subscribe(id, "blocks");
        }

        return (scheduler, network, log);
    }

    [Fact]
    public void Publish_FixedLatency_ReachesEveryOtherSubscriberAfterTheDelay()
    {
        var (scheduler, network, log) = Build(4);

        network.Publish(0, "blocks", [1, 2, 3]);
        scheduler.RunUntil(TimeSpan.FromSeconds(1));

        Assert.Equal([1, 2, 3], log.Select(l => l.To).Order());
        Assert.All(log, l => Assert.Equal(TimeSpan.FromMilliseconds(50), l.At));
        Assert.Equal(3, network.Traffic["blocks"].Delivered);
        Assert.Equal(9, network.Traffic["blocks"].DeliveredBytes);
        Assert.Equal(1, network.Traffic["blocks"].Published);
    }

    [Fact]
    public void Publish_HoldBack_DelaysDeparture()
    {
        var (scheduler, network, log) = Build(2);

        network.Publish(0, "blocks", [1], TimeSpan.FromMilliseconds(900));
        scheduler.RunUntil(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromMilliseconds(950), Assert.Single(log).At);
    }

    [Fact]
    public void Publish_Partitioned_OnlyOwnSideHears()
    {
        var (scheduler, network, log) = Build(4);
        network.Partition([0, 0, 1, 1]);

        network.Publish(0, "blocks", [1]);
        network.Publish(3, "blocks", [2]);
        scheduler.RunUntil(TimeSpan.FromSeconds(1));

        Assert.Equal([(1, 0), (2, 3)], log.Select(l => (l.To, l.Message.From)).Order());
        Assert.Equal(4, network.Traffic["blocks"].Dropped);

        network.Heal();
        network.Publish(0, "blocks", [3]);
        scheduler.RunUntil(TimeSpan.FromSeconds(2));
        Assert.Equal(5, log.Count);
    }

    [Fact]
    public void Publish_ReceiverCrashesInFlight_IsDroppedAndSenderDownSendsNothing()
    {
        var (scheduler, network, log) = Build(3);

        network.Publish(0, "blocks", [1]);
        network.SetOnline(2, false);
        scheduler.RunUntil(TimeSpan.FromSeconds(1));
        network.SetOnline(0, false);
        network.Publish(0, "blocks", [2]);
        scheduler.RunUntil(TimeSpan.FromSeconds(2));

        Assert.Equal(1, Assert.Single(log).To);
    }

    [Fact]
    public void Publish_Loss_DropsAboutThatShare()
    {
        var spec = NetworkSpec.Default with { Loss = 0.2 };
        var (scheduler, network, log) = Build(101, spec);

        for (var i = 0; i < 100; i++)
        {
            network.Publish(0, "blocks", [1]);
        }

        scheduler.RunUntil(TimeSpan.FromSeconds(1));
        Assert.InRange(log.Count, 7_600, 8_400);
    }

    [Fact]
    public void Publish_LogNormal_MedianAndTailMatchSpec()
    {
        var spec = new NetworkSpec(new LatencySpec(LatencyKind.LogNormal, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(250)), 0, []);
        var (scheduler, network, log) = Build(2001, spec);

        network.Publish(0, "blocks", [1]);
        scheduler.RunUntil(TimeSpan.FromSeconds(60));
        var delays = log.Select(l => l.At.TotalMilliseconds).Order().ToArray();

        Assert.InRange(delays[delays.Length / 2], 36, 44);
        Assert.InRange(delays[(int)(delays.Length * 0.99)], 190, 330);
    }

    [Fact]
    public void Run_SameSeed_SameDeliveries()
    {
        var spec = new NetworkSpec(new LatencySpec(LatencyKind.Uniform, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(90)), 0.1, []);
        string Trace(ulong seed)
        {
            var (scheduler, network, log) = Build(20, spec, seed);
            for (var i = 0; i < 20; i++)
            {
                network.Publish(i, "blocks", [(byte)i]);
            }

            scheduler.RunUntil(TimeSpan.FromSeconds(1));
            return string.Join(";", log.Select(l => $"{l.To}<{l.Message.From}@{l.At.Ticks}"));
        }

        Assert.Equal(Trace(9), Trace(9));
        Assert.NotEqual(Trace(9), Trace(10));
    }
}
