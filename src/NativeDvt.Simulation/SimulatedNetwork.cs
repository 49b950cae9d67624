using NativeDvt.Devnet;

namespace NativeDvt.Simulation;

/// <summary>
/// A gossip network on virtual time. A publication reaches every other online subscriber of its
/// topic on the publisher's side of any partition after an independently drawn delay, unless lost.
/// It models what gossipsub delivers, not its mesh hops: the latency distribution stands for the
/// whole path.
/// </summary>
public sealed class SimulatedNetwork
{
    // Below this many deliveries in an instant, handing them to other threads costs more than it saves.
    private const int MinParallelSteps = 256;
    private readonly EventScheduler _scheduler;
    private readonly SimRandom _random;
    private readonly LatencyModel _latency;
    private readonly double _loss;
    private readonly List<Action<GossipDelivery>> _handlers = [];
    private readonly List<EffectLog> _effects = [];
    private readonly List<(GossipDelivery Delivery, Action? Task)> _steps = [];
    private readonly List<(int Step, int Order, Action Effect)> _replay = [];
    private readonly List<List<int>> _stepsOfNode = [];
    private readonly List<int> _busyNodes = [];
    private readonly int _threads;
    private readonly Func<string, bool> _concurrentTopic;
    private readonly List<bool> _online = [];
    private readonly Dictionary<string, List<int>> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TopicTraffic> _traffic = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Node, string Topic), TimeSpan> _deliveryDelays = [];
    private int[]? _sideOfNode;

    /// <summary>A network with the latency and loss of <paramref name="spec"/>.</summary>
    /// <param name="scheduler">Virtual time.</param>
    /// <param name="spec">Latency and loss.</param>
    /// <param name="random">The stream delays and losses are drawn from.</param>
    /// <param name="threads">Threads that may run deliveries to different nodes at one instant (1: one after another).</param>
    /// <param name="concurrentTopic">Topics whose deliveries may run beside each other: their handlers touch only their
    /// own node's state, caches that are thread-safe, and shared state through the node's <see cref="EffectLog"/>.</param>
    public SimulatedNetwork(EventScheduler scheduler, NetworkSpec spec, SimRandom random, int threads = 1, Func<string, bool>? concurrentTopic = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _scheduler = scheduler;
        _threads = threads;
        _concurrentTopic = concurrentTopic ?? (_ => false);
        scheduler.NodeWorkRunner = RunNodeWork;
        _random = random;
        _latency = new LatencyModel(spec.Latency);
        _loss = spec.Loss;
    }

    /// <summary>Traffic per topic so far.</summary>
    public IReadOnlyDictionary<string, TopicTraffic> Traffic => _traffic;

    /// <summary>How many nodes joined.</summary>
    public int NodeCount => _handlers.Count;

    /// <summary>
    /// Adds a node that receives its deliveries through <paramref name="onMessage"/>, whose effects on shared state go
    /// through <paramref name="effects"/> (one log per node); returns its id.
    /// </summary>
    public int AddNode(Action<GossipDelivery> onMessage, EffectLog? effects = null)
    {
        _handlers.Add(onMessage);
        _effects.Add(effects ?? new EffectLog());
        _stepsOfNode.Add([]);
        _online.Add(true);
        return _handlers.Count - 1;
    }

    /// <summary>Delivers <paramref name="topic"/>'s messages to <paramref name="node"/> from now on.</summary>
    public void Subscribe(int node, string topic)
    {
        if (!_subscribers.TryGetValue(topic, out var list))
        {
            _subscribers[topic] = list = [];
        }

        if (!list.Contains(node))
        {
            list.Add(node);
        }
    }

    /// <summary>Takes a node down (it neither sends nor receives) or brings it back.</summary>
    public void SetOnline(int node, bool online) => _online[node] = online;

    /// <summary>True while <paramref name="node"/> is up.</summary>
    public bool IsOnline(int node) => _online[node];

    /// <summary>Splits the network: <paramref name="sideOfNode"/>[i] is node i's side; only nodes on one side hear each other.</summary>
    public void Partition(int[] sideOfNode)
    {
        if (sideOfNode.Length != _handlers.Count)
        {
            throw new ArgumentException($"a side for each of {_handlers.Count} nodes is needed, not {sideOfNode.Length}", nameof(sideOfNode));
        }

        _sideOfNode = sideOfNode;
    }

    /// <summary>Delays every delivery of <paramref name="topic"/> to <paramref name="node"/> by <paramref name="delay"/> (a late client).</summary>
    public void SetDeliveryDelay(int node, string topic, TimeSpan delay) => _deliveryDelays[(node, topic)] = delay;

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are on the same side of any partition.</summary>
    public bool CanReach(int a, int b) => _sideOfNode is null || _sideOfNode[a] == _sideOfNode[b];

    /// <summary>One delay drawn from the network's latency model.</summary>
    public TimeSpan SampleLatency() => _latency.Sample(_random);

    /// <summary>Ends any partition.</summary>
    public void Heal() => _sideOfNode = null;

    /// <summary>Publishes from <paramref name="from"/>; <paramref name="holdBack"/> delays its departure (a late proposer).</summary>
    public void Publish(int from, string topic, byte[] data, TimeSpan holdBack = default)
    {
        if (!_online[from])
        {
            return;
        }

        var traffic = TrafficOf(topic);
        traffic.Published++;
        traffic.PublishedBytes += data.Length;
        if (!_subscribers.TryGetValue(topic, out var subscribers))
        {
            return;
        }

        // Receivers drawn one after another with the same delay share one scheduler action: they would have run
        // back to back anyway (actions at one instant run in the order scheduled), so the order of deliveries is
        // unchanged while a fixed-latency publication to thousands of nodes costs one queue entry, not thousands.
        var side = _sideOfNode?[from];
        var delivery = new GossipDelivery(from, topic, data);
        List<int>? batch = null;
        var batchDelay = TimeSpan.Zero;
        foreach (var to in subscribers)
        {
            if (to == from)
            {
                continue;
            }

            if ((side is { } s && _sideOfNode![to] != s) || (_loss > 0 && _random.NextDouble() < _loss))
            {
                traffic.Dropped++;
                continue;
            }

            var extra = _deliveryDelays.Count > 0 ? _deliveryDelays.GetValueOrDefault((to, topic)) : TimeSpan.Zero;
            var delay = holdBack + extra + _latency.Sample(_random);
            if (batch is not null && delay == batchDelay)
            {
                batch.Add(to);
                continue;
            }

            Schedule(batch, batchDelay, delivery, traffic);
            // Sized for a whole fixed-latency publication to a subnet's or a small network's nodes in one allocation.
            (batch, batchDelay) = (new List<int>(Math.Min(subscribers.Count, 16)) { to }, delay);
        }

        Schedule(batch, batchDelay, delivery, traffic);
    }

    private void Schedule(List<int>? receivers, TimeSpan delay, GossipDelivery delivery, TopicTraffic traffic)
    {
        if (receivers is null)
        {
            return;
        }

        if (_concurrentTopic(delivery.Topic))
        {
            _scheduler.AtNodes(_scheduler.Now + delay, new DeliveryBatch(receivers, delivery, traffic));
        }
        else
        {
            _scheduler.After(delay, () => Deliver(receivers, delivery, traffic));
        }
    }

    /// <summary>Runs <paramref name="task"/> at <paramref name="due"/>, beside other nodes' work of that instant (see <see cref="RunNodeWork"/>).</summary>
    public void AtNode(TimeSpan due, int node, Action task) => _scheduler.AtNodes(due, new NodeTask(node, task));

    /// <summary>
    /// Runs the node work of consecutive entries of one instant (delivery batches, node tasks): each node's in its
    /// order, different nodes' at once (up to the thread count), every effect on shared state kept and then applied
    /// step by step in the order of the entries and their receivers, as running them one after another would have.
    /// The same with one thread or many.
    /// </summary>
    private void RunNodeWork(List<object> entries)
    {
        foreach (var entry in entries)
        {
            if (entry is NodeTask task)
            {
                AddStep(task.Node, default, task.Run);
                continue;
            }

            var batch = (DeliveryBatch)entry;
            foreach (var to in batch.Receivers)
            {
                if (Arrives(to, batch.Delivery, batch.Traffic))
                {
                    AddStep(to, batch.Delivery, null);
                }
            }
        }

        if (_threads == 1 || _busyNodes.Count == 1 || _steps.Count < MinParallelSteps)
        {
            foreach (var node in _busyNodes)
            {
                RunSteps(node);
            }
        }
        else
        {
            Parallel.For(0, _busyNodes.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, i => RunSteps(_busyNodes[i]));
        }

        // Each node's effects are in its deliveries' order; sorting by delivery (then place) interleaves the nodes'.
        foreach (var node in _busyNodes)
        {
            _effects[node].MoveKept(_replay);
            _stepsOfNode[node].Clear();
        }

        _replay.Sort((a, b) => a.Step != b.Step ? a.Step.CompareTo(b.Step) : a.Order.CompareTo(b.Order));
        foreach (var (_, _, effect) in _replay)
        {
            effect();
        }

        _replay.Clear();
        _busyNodes.Clear();
        _steps.Clear();
    }

    private void AddStep(int node, GossipDelivery delivery, Action? task)
    {
        if (_stepsOfNode[node].Count == 0)
        {
            _busyNodes.Add(node);
        }

        _stepsOfNode[node].Add(_steps.Count);
        _steps.Add((delivery, task));
    }

    private void RunSteps(int node)
    {
        var effects = _effects[node];
        var handler = _handlers[node];
        effects.Deferring = true;
        try
        {
            foreach (var index in _stepsOfNode[node])
            {
                effects.Step = index;
                var (delivery, task) = _steps[index];
                if (task is null)
                {
                    handler(delivery);
                }
                else
                {
                    task();
                }
            }
        }
        finally
        {
            effects.Deferring = false;
        }
    }

    private void Deliver(List<int> receivers, GossipDelivery delivery, TopicTraffic traffic)
    {
        foreach (var to in receivers)
        {
            if (Arrives(to, delivery, traffic))
            {
                _handlers[to](delivery);
            }
        }
    }

    /// <summary>Whether <paramref name="to"/> is up to receive <paramref name="delivery"/>, counted either way.</summary>
    private bool Arrives(int to, GossipDelivery delivery, TopicTraffic traffic)
    {
        if (!_online[to])
        {
            traffic.Dropped++;
            return false;
        }

        traffic.Delivered++;
        traffic.DeliveredBytes += delivery.Data.Length;
        return true;
    }

    private TopicTraffic TrafficOf(string topic)
    {
        if (!_traffic.TryGetValue(topic, out var traffic))
        {
            _traffic[topic] = traffic = new TopicTraffic();
        }

        return traffic;
    }
}
