using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Crypto;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Node;
using NativeDvt.Node.Events;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Network;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Timing;
using NativeDvt.Shared;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation;

/// <summary>
/// A devnet file run in one process: one <see cref="DvtNode"/> per member (or, with views, honest members packed
/// onto shared nodes) on virtual time over the <see cref="SimulatedNetwork"/>, faults applied at their slots, and a
/// <see cref="SimulationReport"/> at the end. Everything follows from the file and the seed: the same inputs give the
/// same report.
/// </summary>
public sealed partial class DevnetSimulation
{
    private readonly DevnetSpec _spec;
    private readonly SimulationOptions _options;
    private readonly EventScheduler _scheduler = new();
    private readonly SimulatedNetwork _network;
    private readonly SimulationRecorder _recorder = new();
    private readonly SharedStateCache _states;
    private readonly GossipTopics _topics;
    private readonly List<SimulatedMember> _members = [];
    private readonly List<SimulatedHost> _hosts = [];
    private readonly List<string> _notes = [];
    private readonly TimeSpan _slotDuration;
    private readonly BeaconState _genesis;
    private readonly SortedDictionary<string, int> _rejected = new(StringComparer.Ordinal);
    private readonly SimulatedMempool _mempool;
    private long _blockRequests;

    private DevnetSimulation(DevnetSpec spec, SimulationOptions options)
    {
        _spec = spec;
        _options = options;
        var (scheme, note) = DevnetSetup.Scheme(spec.Scheme);
        if (note is not null)
        {
            _notes.Add(note);
        }

        Scheme = scheme;
        _slotDuration = DevnetSetup.SlotDuration(spec);
        var config = DevnetSetup.Config(spec, scheme, _slotDuration, options.MaxEffectiveBalanceGwei);
        _genesis = DevnetSetup.Genesis(spec, config, scheme, options.Seed);
        _mempool = new SimulatedMempool(options.Seed, spec.Mempool.ToMempoolOptions());
        var random = new SimRandom(options.Seed);
        _topics = new GossipTopics(_genesis.Fork.CurrentVersion, _genesis.GenesisValidatorsRoot);
        _network = new SimulatedNetwork(_scheduler, spec.Network, random.Fork(1), Threads, ConcurrentTopic);
        _states = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(scheme)));
        if (spec.Groups.Any(g => g.IsUnsafeThreshold))
        {
            _notes.Add("WARNING: groups with m <= n/2 are slashable without any malicious member (allowUnsafeThreshold)");
        }

        var groupIndex = 0;
        foreach (var template in spec.Groups)
        {
            for (var c = 0; c < template.Count; c++, groupIndex++)
            {
                for (var m = 0; m < template.N; m++)
                {
                    var profile = template.Members.Count == template.N ? template.Members[m] : MemberProfile.Honest;
                    _members.Add(new SimulatedMember(new MemberId(new GroupIndex((ulong)groupIndex), m), profile));
                }
            }
        }

        foreach (var members in HostsOf(options.Views ?? spec.Network.Views))
        {
            AddHost(members);
        }
    }

    /// <summary>The scheme the member keys use.</summary>
    public ISignatureScheme Scheme { get; }

    /// <summary>The nodes, in group then member order of their first identity.</summary>
    public IReadOnlyList<DvtNode> Nodes => [.. _hosts.Select(h => h.Node)];

    /// <summary>Virtual time now.</summary>
    public TimeSpan Now => _scheduler.Now;

    /// <summary>State transitions actually run (the rest were shared).</summary>
    public long StateTransitions => _states.Transitions;

    /// <summary>Blocks answered to BlocksByRoot requests.</summary>
    public long BlocksFetched => _blockRequests;

    /// <summary>Threads that run deliveries to different nodes at once.</summary>
    public int Threads => _options.Threads ?? Environment.ProcessorCount;

    /// <summary>Scheduler actions run (ticks and deliveries).</summary>
    public long ActionsRun => _scheduler.Executed;

    /// <summary>A simulation of <paramref name="spec"/>; nothing runs until <see cref="Run"/>.</summary>
    public static DevnetSimulation Create(DevnetSpec spec, SimulationOptions options) => new(spec, options);

    /// <summary>Runs the configured epochs and reports.</summary>
    public SimulationReport Run()
    {
        foreach (var host in _hosts.Where(h => h.Profile.Kind != ProfileKind.Offline))
        {
            Start(host);
        }

        foreach (var host in _hosts.Where(h => h.Profile.Kind == ProfileKind.Offline))
        {
            _network.SetOnline(host.NetworkId, false);
        }

        foreach (var fault in _spec.Faults)
        {
            _scheduler.At(_slotDuration * fault.Slot, () => Apply(fault));
        }

        var epochDuration = _slotDuration * (double)_genesis.Preset.SlotsPerEpoch;
        for (var epoch = 0; epoch < _options.Epochs; epoch++)
        {
            var observed = (ulong)epoch;
            _scheduler.At((epochDuration * (epoch + 1)) - TimeSpan.FromMilliseconds(1), () => Observe(observed));
        }

        _scheduler.RunUntil(epochDuration * _options.Epochs);
        return BuildReport();
    }

    /// <summary>
    /// The members of each node, nodes in the order of their first member: one node per member, unless
    /// <paramref name="views"/> packs honest members no fault names onto shared views (<see cref="ViewPacking"/>).
    /// </summary>
    private List<List<SimulatedMember>> HostsOf(int? views)
    {
        var packing = views is { } count ? ViewPacking.Assign(_spec, count) : null;
        var hosts = new List<List<SimulatedMember>>();
        var byView = new Dictionary<int, List<SimulatedMember>>();
        for (var i = 0; i < _members.Count; i++)
        {
            if (packing?[i] is not { } view)
            {
                hosts.Add([_members[i]]);
                continue;
            }

            if (!byView.TryGetValue(view, out var members))
            {
                byView[view] = members = [];
                hosts.Add(members);
            }

            members.Add(_members[i]);
        }

        if (packing is not null)
        {
            _notes.Add($"{_members.Count} identities on {hosts.Count} nodes: {byView.Count} shared views hold {byView.Values.Sum(v => v.Count)} honest identities, {hosts.Count - byView.Count} identities have a node of their own");
        }

        return hosts;
    }

    private void AddHost(List<SimulatedMember> members)
    {
        var host = new SimulatedHost(members);
        var first = members[0];
        host.NetworkId = _network.AddNode(delivery => Deliver(host, delivery), host.Effects);
        var port = new SimulatedGossipNetwork(_network, host.NetworkId, host.Effects, topic => HoldBack(first.Id, topic), (_, root) => RequestBlock(host, root));
        host.Node = new DvtNode(new NodeOptions
        {
            Identity = first.Id,
            Genesis = _genesis,
            SlotDuration = _slotDuration,
            Scheme = Scheme,
            SecretKey = SecretKeyOf(first.Id),
            States = _states,
            Events = new EffectEventSink(host.Effects, _recorder),
            Profile = first.Profile.ToClientProfile(),
            Mempool = _mempool,
            NextStatefulKey = Scheme is IStatefulScheme ? (id, _) => NextKey(members.Single(m => m.Id == id)) : null,
            MoreIdentities = [.. members.Skip(1).Select(m => new IdentityOptions
            {
                Identity = m.Id,
                SecretKey = SecretKeyOf(m.Id),
                Profile = m.Profile.ToClientProfile(),
            })],
        }, port);
        if (first.Profile.Kind == ProfileKind.Late)
        {
            _network.SetDeliveryDelay(host.NetworkId, _topics.BeaconBlock, first.Profile.Delay);
        }

        foreach (var member in members)
        {
            member.Host = host;
        }

        _hosts.Add(host);
    }

    private byte[] SecretKeyOf(MemberId id) => DevnetSetup.SecretKey(Scheme, _options.Seed, (int)id.Group.Value, id.Member);

    private void Start(SimulatedHost host)
    {
        host.Running = true;
        host.Generation++;
        _network.SetOnline(host.NetworkId, true);
        var generation = host.Generation;
        var first = host.Node.Start(_scheduler.Now);
        ScheduleTick(host, first, generation);
    }

    /// <summary>A node's ticks run beside other nodes' work of the same instant; the next one is scheduled through its effect log.</summary>
    private void ScheduleTick(SimulatedHost host, TimeSpan due, int generation) => _network.AtNode(due, host.NetworkId, () => Tick(host, generation));

    private void Tick(SimulatedHost host, int generation)
    {
        if (!host.Running || host.Generation != generation)
        {
            return;
        }

        var now = _scheduler.Now;
        var next = host.Node.OnTick(now);
        host.Effects.Apply(() => ScheduleTick(host, next > now ? next : now + SlotTiming.LeaderTimeoutOf(_slotDuration), generation));
    }

    private void Deliver(SimulatedHost host, GossipDelivery delivery)
    {
        if (!host.Running)
        {
            return;
        }

        var verdict = host.Node.OnGossip(_scheduler.Now, delivery.Topic, delivery.Data);
        if (verdict == GossipVerdict.Reject)
        {
            var key = "gossip rejected: " + GossipTopics.ShortName(delivery.Topic);
            host.Effects.Apply(() => _rejected[key] = _rejected.GetValueOrDefault(key) + 1);
        }
    }

    /// <summary>
    /// Topics whose deliveries run beside other nodes' work of the same instant: blocks, member and group attestations,
    /// most of a large run's work. Their handlers (like ticks) touch the node's own view, the thread-safe shared caches
    /// (decoded messages, post-states, advanced states, verification verdicts) and, through its effect log, events,
    /// publications and block requests (answered, at the end of the instant, by the first peer holding the block).
    /// Proposals, follow signatures, inclusion lists, slashings and rotations are rare and run one at a time.
    /// </summary>
    private bool ConcurrentTopic(string topic) =>
        topic == _topics.GroupAttestation || topic == _topics.BeaconBlock || _topics.IsMemberAttestation(topic);

    /// <summary>Blocks of a late proposer group leave that far into their slot (network.lateProposers).</summary>
    private TimeSpan HoldBack(MemberId id, string topic)
    {
        if (topic != _topics.BeaconBlock)
        {
            return TimeSpan.Zero;
        }

        foreach (var late in _spec.Network.LateProposers)
        {
            if (late.Groups.ContainsGroup((int)id.Group.Value))
            {
                var intoSlot = TimeSpan.FromTicks(_scheduler.Now.Ticks % _slotDuration.Ticks);
                return late.Delay > intoSlot ? late.Delay - intoSlot : TimeSpan.Zero;
            }
        }

        return TimeSpan.Zero;
    }

    /// <summary>Stands in for req/resp BeaconBlocksByRoot: the first reachable peer holding the block answers after two network delays.</summary>
    private void RequestBlock(SimulatedHost requester, Root root)
    {
        foreach (var peer in _hosts)
        {
            if (peer == requester || !peer.Running || !_network.CanReach(requester.NetworkId, peer.NetworkId))
            {
                continue;
            }

            var bytes = peer.Node.BlockBytes(root);
            if (bytes is null)
            {
                continue;
            }

            _blockRequests++;
            _scheduler.After(_network.SampleLatency() + _network.SampleLatency(), () =>
            {
                if (requester.Running)
                {
                    requester.Node.OnGossip(_scheduler.Now, _topics.BeaconBlock, bytes);
                }
            });
            return;
        }
    }

    private void Apply(FaultSpec fault)
    {
        var slot = fault.Slot;
        switch (fault.Kind)
        {
            // Packed members are never named by a fault, so a host a fault names has that one member.
            case FaultKind.Crash:
                foreach (var host in _hosts.Where(h => h.Running && h.Members.Any(m => fault.Targets[0].Contains((int)m.Id.Group.Value, m.Id.Member))))
                {
                    host.Running = false;
                    host.Members.ForEach(m => m.Transitions.Add((slot, false)));
                    _network.SetOnline(host.NetworkId, false);
                }

                break;
            case FaultKind.Restart:
                foreach (var host in _hosts.Where(h => !h.Running && h.Profile.Kind != ProfileKind.Offline && h.Members.Any(m => fault.Targets[0].Contains((int)m.Id.Group.Value, m.Id.Member))))
                {
                    host.Members.ForEach(m => m.Transitions.Add((slot, true)));
                    Start(host);
                }

                break;
            case FaultKind.Partition:
                var sides = new int[_hosts.Count];
                foreach (var host in _hosts)
                {
                    var member = host.Members[0];
                    var side = fault.Targets.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Contains((int)member.Id.Group.Value, member.Id.Member)).i;
                    sides[host.NetworkId] = side;
                }

                _network.Partition(sides);
                _partitions.Add((slot, true));
                break;
            case FaultKind.Heal:
                _network.Heal();
                _partitions.Add((slot, false));
                break;
            case FaultKind.Rotate:
                foreach (var member in _members.Where(m => fault.Targets[0].Contains((int)m.Id.Group.Value, m.Id.Member) && m.Host.Running))
                {
                    member.Host.Node.RotateKey(member.Id, NextKey(member), _scheduler.Now);
                }

                break;
        }
    }

    /// <summary>The member's next key, for a rotation the devnet file asks for or one its node starts as a stateful key runs low.</summary>
    private byte[] NextKey(SimulatedMember member)
    {
        member.Rotations++;
        return DevnetSetup.SecretKey(Scheme, _options.Seed, (int)member.Id.Group.Value, member.Id.Member, member.Rotations);
    }

    /// <summary>One node of the simulation and the members it serves (one, unless packed onto a shared view).</summary>
    private sealed class SimulatedHost(List<SimulatedMember> members)
    {
        public List<SimulatedMember> Members { get; } = members;

        /// <summary>The node's effects on shared state (events, publications, counters).</summary>
        public EffectLog Effects { get; } = new();

        /// <summary>The first member's profile: packed members are honest, so only a lone member's profile matters.</summary>
        public MemberProfile Profile => Members[0].Profile;

        public int NetworkId { get; set; }

        public DvtNode Node { get; set; } = null!;

        public bool Running { get; set; }

        public int Generation { get; set; }
    }

    private sealed class SimulatedMember(MemberId id, MemberProfile profile)
    {
        public MemberId Id { get; } = id;

        public MemberProfile Profile { get; } = profile;

        public SimulatedHost Host { get; set; } = null!;

        /// <summary>Key rotations started (the next key's index).</summary>
        public int Rotations { get; set; }

        /// <summary>Crashes and restarts by slot, for the missed-proposal reasons.</summary>
        public List<(ulong Slot, bool Up)> Transitions { get; } = [];

        public bool UpAt(ulong slot)
        {
            var up = Profile.Kind != ProfileKind.Offline;
            foreach (var (at, state) in Transitions)
            {
                if (at <= slot)
                {
                    up = state;
                }
            }

            return up;
        }
    }
}
