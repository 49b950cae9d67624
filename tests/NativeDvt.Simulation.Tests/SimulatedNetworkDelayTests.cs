using NativeDvt.Devnet;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Unit")]
public sealed class SimulatedNetworkDelayTests
{
    [Fact]
    public void SetDeliveryDelay_LateNode_ReceivesThatTopicLater()
    {
        var scheduler = new EventScheduler();
        var network = new SimulatedNetwork(scheduler, NetworkSpec.Default, new SimRandom(1));
        var arrivals = new List<(int Node, string Topic, TimeSpan At)>();
        for (var i = 0; i < 3; i++)
        {
            var id = i;
            network.AddNode(d => arrivals.Add((id, d.Topic, scheduler.Now)));
            network.Subscribe(id, "blocks");
            network.Subscribe(id, "votes");
        }

        network.SetDeliveryDelay(2, "blocks", TimeSpan.FromMilliseconds(700));
        network.Publish(0, "blocks", [1]);
        network.Publish(0, "votes", [2]);
        scheduler.RunUntil(TimeSpan.FromSeconds(2));

        Assert.Contains((2, "blocks", TimeSpan.FromMilliseconds(750)), arrivals);
        Assert.Contains((2, "votes", TimeSpan.FromMilliseconds(50)), arrivals);
        Assert.Contains((1, "blocks", TimeSpan.FromMilliseconds(50)), arrivals);
    }
}
