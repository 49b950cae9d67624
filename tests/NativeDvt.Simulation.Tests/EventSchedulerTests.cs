namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Unit")]
public sealed class EventSchedulerTests
{
    [Fact]
    public void RunUntil_ActionsOutOfOrder_RunByTimeThenScheduleOrder()
    {
        var scheduler = new EventScheduler();
        var log = new List<string>();
        scheduler.At(TimeSpan.FromSeconds(2), () => log.Add("b"));
        scheduler.At(TimeSpan.FromSeconds(1), () => log.Add("a"));
        scheduler.At(TimeSpan.FromSeconds(2), () => log.Add("c"));

        scheduler.RunUntil(TimeSpan.FromSeconds(5));

        Assert.Equal(["a", "b", "c"], log);
        Assert.Equal(TimeSpan.FromSeconds(5), scheduler.Now);
    }

    [Fact]
    public void RunUntil_ActionSchedulesMore_LaterOnesWaitForTheirTime()
    {
        var scheduler = new EventScheduler();
        var times = new List<TimeSpan>();
        void Tick()
        {
            times.Add(scheduler.Now);
            scheduler.After(TimeSpan.FromSeconds(1), Tick);
        }

        scheduler.At(TimeSpan.Zero, Tick);
        scheduler.RunUntil(TimeSpan.FromSeconds(3.5));

        Assert.Equal([0, 1, 2, 3], times.Select(t => (int)t.TotalSeconds));
        Assert.Equal(1, scheduler.Pending);
    }

    [Fact]
    public void At_PastTime_RunsNowNotBackwards()
    {
        var scheduler = new EventScheduler();
        scheduler.RunUntil(TimeSpan.FromSeconds(10));
        var ranAt = TimeSpan.MinValue;

        scheduler.At(TimeSpan.FromSeconds(1), () => ranAt = scheduler.Now);
        scheduler.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), ranAt);
    }
}
