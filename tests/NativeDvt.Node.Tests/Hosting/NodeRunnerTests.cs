using System.Collections.Concurrent;
using NativeDvt.Node.Hosting;
using NativeDvt.Node.Network;

namespace NativeDvt.Node.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class NodeRunnerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Runner_ConcurrentDeliveriesAndTicks_NeverOverlapInTheNode()
    {
        var node = new WatchingNode(tickEvery: TimeSpan.FromMilliseconds(1));
        await using var runner = new NodeRunner(TimeProvider.System, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1));
        runner.Start(node);

        var senders = Enumerable.Range(0, 8).Select(s => Task.Run(async () =>
        {
            var verdicts = new List<GossipVerdict>();
            for (var i = 0; i < 100; i++)
            {
                verdicts.Add(await runner.DeliverAsync("t", [(byte)s, (byte)i], TestContext.Current.CancellationToken));
            }

            return verdicts;
        }));
        var all = (await Task.WhenAll(senders).WaitAsync(Wait, TestContext.Current.CancellationToken)).SelectMany(v => v).ToList();

        Assert.Equal(800, all.Count);
        Assert.All(all, v => Assert.Equal(GossipVerdict.Accept, v));
        Assert.Equal(800, node.Deliveries);
        Assert.True(node.Ticks > 0, "the node was never ticked");
        Assert.Equal(1, node.MaxConcurrent);
    }

    [Fact]
    public async Task Runner_NodeAsksForInstants_TicksNeverBeforeThem()
    {
        var node = new WatchingNode(tickEvery: TimeSpan.FromMilliseconds(40));
        var genesis = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(150);
        await using (var runner = new NodeRunner(TimeProvider.System, genesis, TimeSpan.FromMilliseconds(5)))
        {
            runner.Start(node);
            await node.WaitForTicksAsync(6).WaitAsync(Wait, TestContext.Current.CancellationToken);
        }

        Assert.Equal(TimeSpan.Zero, node.StartedAt);
        var ticks = node.TickLog.ToList();
        Assert.True(ticks.Count >= 6);
        Assert.All(ticks, t => Assert.True(t.Now >= t.Asked, $"ticked at {t.Now} for {t.Asked}"));
        Assert.True(ticks[0].Wall >= genesis, "the first tick came before genesis");
    }

    [Fact]
    public async Task Runner_NodeThrows_CountsAFaultAndCarriesOn()
    {
        var node = new WatchingNode(tickEvery: TimeSpan.FromSeconds(10)) { ThrowOn = "boom" };
        await using var runner = new NodeRunner(TimeProvider.System, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(5));
        runner.Start(node);

        var bad = await runner.DeliverAsync("boom", [1], TestContext.Current.CancellationToken).AsTask().WaitAsync(Wait, TestContext.Current.CancellationToken);
        var good = await runner.DeliverAsync("fine", [1], TestContext.Current.CancellationToken).AsTask().WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(GossipVerdict.Ignore, bad);
        Assert.Equal(GossipVerdict.Accept, good);
        Assert.Equal(1, runner.Faults);
    }

    [Fact]
    public async Task Runner_FlushUnderWay_NoOtherCallRunsUntilItCompletes()
    {
        var node = new WatchingNode(tickEvery: TimeSpan.FromSeconds(10)) { HoldFlushes = true };
        await using var runner = new NodeRunner(TimeProvider.System, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(5));
        runner.Start(node);
        var token = TestContext.Current.CancellationToken;

        var first = await runner.DeliverAsync("a", [1], token).AsTask().WaitAsync(Wait, token);
        var second = runner.DeliverAsync("b", [2], token).AsTask();
        await Task.Delay(100, token);

        Assert.Equal(GossipVerdict.Accept, first);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, node.Deliveries);
        node.ReleaseFlushes();
        Assert.Equal(GossipVerdict.Accept, await second.WaitAsync(Wait, token));
        Assert.Equal(2, node.Deliveries);
        Assert.Equal(1, node.MaxConcurrent);
    }

    [Fact]
    public async Task Runner_AfterDispose_CallsNothingAndAnswersIgnore()
    {
        var node = new WatchingNode(tickEvery: TimeSpan.FromMilliseconds(2));
        var runner = new NodeRunner(TimeProvider.System, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(2));
        runner.Start(node);
        await node.WaitForTicksAsync(3).WaitAsync(Wait, TestContext.Current.CancellationToken);
        await runner.DisposeAsync();
        var calls = runner.Calls;

        var verdict = await runner.DeliverAsync("t", [1], TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);

        Assert.Equal(GossipVerdict.Ignore, verdict);
        Assert.Equal(calls, runner.Calls);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runner.InvokeAsync(() => 1, TestContext.Current.CancellationToken));
    }

    /// <summary>Records how the runner calls in, and whether two calls ever overlap.</summary>
    private sealed class WatchingNode(TimeSpan tickEvery) : IDrivenNode
    {
        private readonly TaskCompletionSource _ticked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _active;
        private int _maxConcurrent;
        private int _ticks;
        private int _deliveries;
        private int _ticksWanted = int.MaxValue;
        private TimeSpan _asked;

        private readonly TaskCompletionSource _flushes = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? ThrowOn { get; init; }

        /// <summary>Every flush after a delivery waits for <see cref="ReleaseFlushes"/> (a slow durable store).</summary>
        public bool HoldFlushes { get; init; }

        public void ReleaseFlushes() => _flushes.TrySetResult();

        public async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            // Held only after a delivery: the flush after the node's start goes through.
            if (!HoldFlushes || Deliveries == 0)
            {
                return;
            }

            var active = Interlocked.Increment(ref _active);
            InterlockedMax(ref _maxConcurrent, active);
            try
            {
                await _flushes.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }

        public TimeSpan StartedAt { get; private set; } = TimeSpan.MinValue;

        public ConcurrentQueue<(TimeSpan Asked, TimeSpan Now, DateTimeOffset Wall)> TickLog { get; } = new();

        public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

        public int Ticks => Volatile.Read(ref _ticks);

        public int Deliveries => Volatile.Read(ref _deliveries);

        public Task WaitForTicksAsync(int count)
        {
            Volatile.Write(ref _ticksWanted, count);
            return Ticks >= count ? Task.CompletedTask : _ticked.Task;
        }

        public TimeSpan Start(TimeSpan now) => Enter(() =>
        {
            StartedAt = now;
            _asked = now;
            return now;
        });

        public TimeSpan OnTick(TimeSpan now) => Enter(() =>
        {
            TickLog.Enqueue((_asked, now, DateTimeOffset.UtcNow));
            if (Interlocked.Increment(ref _ticks) >= Volatile.Read(ref _ticksWanted))
            {
                _ticked.TrySetResult();
            }

            _asked = now + tickEvery;
            return _asked;
        });

        public GossipVerdict OnGossip(TimeSpan now, string topic, byte[] data) => Enter(() =>
        {
            if (topic == ThrowOn)
            {
                throw new InvalidOperationException("boom");
            }

            Interlocked.Increment(ref _deliveries);
            return GossipVerdict.Accept;
        });

        private T Enter<T>(Func<T> body)
        {
            var active = Interlocked.Increment(ref _active);
            InterlockedMax(ref _maxConcurrent, active);
            try
            {
                // Long enough for an overlapping call to show up.
                Thread.SpinWait(2000);
                return body();
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var previous && previous != seen)
            {
                seen = previous;
            }
        }
    }
}
