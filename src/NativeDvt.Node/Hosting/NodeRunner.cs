using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NativeDvt.Node.Network;

namespace NativeDvt.Node.Hosting;

/// <summary>
/// Drives one node state machine in real time. Every call into the node (its start, the ticks it asks for,
/// gossip deliveries, and whatever a host runs through <see cref="InvokeAsync{T}"/>) goes through one queue
/// drained by one loop, so the node never sees two calls at once and needs no locks. Time comes from a
/// <see cref="GenesisClock"/>. For hosts that give each node a loop of its own (the node over libp2p); an Orleans
/// grain, whose turns already come one at a time, drives its node with grain timers and the same clock.
/// </summary>
public sealed class NodeRunner : IGossipInbox, IAsyncDisposable
{
    private readonly GenesisClock _clock;
    private readonly TimeSpan _retickGap;
    private readonly ILogger _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stop = new();
    private IDrivenNode? _node;
    private TimeSpan _nextTick;
    private Task? _loop;
    private volatile bool _stopping;
    private long _calls;
    private long _faults;
    private int _disposed;

    /// <param name="time">The clock; nothing else is read.</param>
    /// <param name="genesisTime">The chain's genesis instant on <paramref name="time"/>'s UTC clock.</param>
    /// <param name="retickGap">How long to wait before ticking again when the node asks for an instant already past (the simulator uses slot/12).</param>
    /// <param name="logger">Where node faults are logged.</param>
    public NodeRunner(TimeProvider time, DateTimeOffset genesisTime, TimeSpan retickGap, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retickGap, TimeSpan.Zero);
        _clock = new GenesisClock(time, genesisTime);
        _retickGap = retickGap;
        _logger = logger ?? NullLogger.Instance;
        _timer = time.CreateTimer(_ => _work.Writer.TryWrite(TickWork.Instance), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Time since genesis (negative before it).</summary>
    public TimeSpan SinceGenesis => _clock.SinceGenesis;

    /// <summary>The node's time: time since genesis, zero before genesis.</summary>
    public TimeSpan Now => _clock.Now;

    /// <summary>Calls made into the node (start, ticks, deliveries).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls into the node that threw (logged; a delivery that throws counts as Ignore).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Starts the loop and the node (which ticks from genesis on).</summary>
    public void Start(IDrivenNode node)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (Interlocked.CompareExchange(ref _node, node, null) is not null)
        {
            throw new InvalidOperationException("the runner already drives a node");
        }

        _work.Writer.TryWrite(StartWork.Instance);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Queues a delivery and waits for the node's verdict; Ignore when the runner is not running.</summary>
    public async ValueTask<GossipVerdict> DeliverAsync(string topic, byte[] ssz, CancellationToken cancellationToken)
    {
        if (_node is null || _stopping)
        {
            return GossipVerdict.Ignore;
        }

        var work = new GossipWork(topic, ssz);
        if (!_work.Writer.TryWrite(work))
        {
            return GossipVerdict.Ignore;
        }

        return await work.Verdict.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="action"/> on the node's loop, between its other calls (to read node state safely).</summary>
    public async Task<T> InvokeAsync<T>(Func<T> action, CancellationToken cancellationToken = default)
    {
        var work = new InvokeWork<T>(action);
        ObjectDisposedException.ThrowIf(_stopping || !_work.Writer.TryWrite(work), this);

        return await work.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops ticking, lets the call in progress finish, and answers queued deliveries with Ignore.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        // A flush waiting on a store that does not answer gives up: its messages are never released.
        await _stop.CancelAsync().ConfigureAwait(false);
        await _timer.DisposeAsync().ConfigureAwait(false);
        _work.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        else
        {
            while (_work.Reader.TryRead(out var work))
            {
                work.Abandon();
            }
        }

        _stop.Dispose();
    }

    // The node's messages wait for their signing records: nothing else runs on the node until they are durable.
    private async ValueTask FlushAsync()
    {
        try
        {
            await _node!.FlushAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: what waited is dropped with the node.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _faults);
            HostingLog.NodeFault(_logger, "flush", e);
        }
    }

    private async Task LoopAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_stopping)
            {
                work.Abandon();
            }
            else
            {
                work.Run(this);
                await FlushAsync().ConfigureAwait(false);
            }
        }
    }

    private void Schedule(TimeSpan next, TimeSpan now)
    {
        // Before genesis the node runs at time zero and its first tick waits for genesis itself.
        if (next <= now && SinceGenesis >= now)
        {
            next = now + _retickGap;
        }

        _nextTick = next;
        if (_stopping)
        {
            return;
        }

        var due = next - SinceGenesis;
        try
        {
            _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // DisposeAsync got there first: no more ticks.
        }
    }

    private T Call<T>(Func<IDrivenNode, TimeSpan, T> call, T onFault, string what)
    {
        Interlocked.Increment(ref _calls);
        try
        {
            return call(_node!, Now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _faults);
            HostingLog.NodeFault(_logger, what, e);
            return onFault;
        }
    }

    private abstract class Work
    {
        public abstract void Run(NodeRunner runner);

        public abstract void Abandon();
    }

    private sealed class StartWork : Work
    {
        public static readonly StartWork Instance = new();

        public override void Run(NodeRunner runner)
        {
            var now = runner.Now;
            runner.Schedule(runner.Call((node, t) => node.Start(t), now, "start"), now);
        }

        public override void Abandon()
        {
        }
    }

    private sealed class TickWork : Work
    {
        public static readonly TickWork Instance = new();

        public override void Run(NodeRunner runner)
        {
            // A timer may fire a little before the instant on the timestamp clock: the node is never ticked early.
            if (runner.SinceGenesis < runner._nextTick)
            {
                runner.Schedule(runner._nextTick, runner.Now);
                return;
            }

            var now = runner.Now;
            runner.Schedule(runner.Call((node, t) => node.OnTick(t), now, "tick"), now);
        }

        public override void Abandon()
        {
        }
    }

    private sealed class GossipWork(string topic, byte[] data) : Work
    {
        public TaskCompletionSource<GossipVerdict> Verdict { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(NodeRunner runner) =>
            Verdict.TrySetResult(runner.Call((node, now) => node.OnGossip(now, topic, data), GossipVerdict.Ignore, topic));

        public override void Abandon() => Verdict.TrySetResult(GossipVerdict.Ignore);
    }

    private sealed class InvokeWork<T>(Func<T> action) : Work
    {
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(NodeRunner runner)
        {
            try
            {
                Result.TrySetResult(action());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Result.TrySetException(e);
            }
        }

        public override void Abandon() => Result.TrySetException(new ObjectDisposedException(nameof(NodeRunner)));
    }
}
