using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;
using NativeDvt.Devnet;
using NativeDvt.Node;
using NativeDvt.Node.Events;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Network;
using NativeDvt.Node.Sharing;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation;

/// <summary>
/// A devnet file run in one process: one <see cref="DvtNode"/> per member on virtual time over the
/// <see cref="SimulatedNetwork"/>, faults applied at their slots, and a <see cref="SimulationReport"/> at the end.
/// Everything follows from the file and the seed: the same inputs give the same report.
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
        var (scheme, note) = SimulationSetup.Scheme(spec.Scheme);
        if (note is not null)
        {
            _notes.Add(note);
        }

        Scheme = scheme;
        _slotDuration = spec.SlotDuration ?? TimeSpan.FromSeconds(Consensus.Config.Preset.ByName(spec.Preset)?.SecondsPerSlot ?? 2);
        var config = SimulationSetup.Config(spec, scheme, _slotDuration, options.MaxEffectiveBalanceGwei);
        _genesis = SimulationSetup.Genesis(spec, config, scheme, options.Seed);
        _mempool = new SimulatedMempool(options.Seed, spec.Mempool);
        var random = new SimRandom(options.Seed);
        _network = new SimulatedNetwork(_scheduler, spec.Network, random.Fork(1));
        _states = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(scheme)));
        _topics = new GossipTopics(_genesis.Fork.CurrentVersion, _genesis.GenesisValidatorsRoot);
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
                    AddMember(template, groupIndex, m);
                }
            }
        }
    }

    /// <summary>The scheme the member keys use.</summary>
    public ISignatureScheme Scheme { get; }

    /// <summary>The nodes, in group then member order.</summary>
    public IReadOnlyList<DvtNode> Nodes => [.. _members.Select(m => m.Node)];

    /// <summary>Virtual time now.</summary>
    public TimeSpan Now => _scheduler.Now;

    /// <summary>State transitions actually run (the rest were shared).</summary>
    public long StateTransitions => _states.Transitions;

    /// <summary>Blocks answered to BlocksByRoot requests.</summary>
    public long BlocksFetched => _blockRequests;

    /// <summary>Scheduler actions run (ticks and deliveries).</summary>
    public long ActionsRun => _scheduler.Executed;

    /// <summary>A simulation of <paramref name="spec"/>; nothing runs until <see cref="Run"/>.</summary>
    public static DevnetSimulation Create(DevnetSpec spec, SimulationOptions options) => new(spec, options);

    /// <summary>Runs the configured epochs and reports.</summary>
    public SimulationReport Run()
    {
        foreach (var member in _members.Where(m => m.Profile.Kind != ProfileKind.Offline))
        {
            Start(member);
        }

        foreach (var member in _members.Where(m => m.Profile.Kind == ProfileKind.Offline))
        {
            _network.SetOnline(member.NetworkId, false);
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

    private void AddMember(GroupSpec template, int group, int member)
    {
        var profile = template.Members.Count == template.N ? template.Members[member] : MemberProfile.Honest;
        var id = new MemberId(new GroupIndex((ulong)group), member);
        var simulated = new SimulatedMember(id, profile);
        simulated.NetworkId = _network.AddNode(delivery => Deliver(simulated, delivery));
        var port = new SimulatedGossipNetwork(_network, simulated.NetworkId, topic => HoldBack(id, topic), (_, root) => RequestBlock(simulated, root));
        simulated.Node = new DvtNode(new NodeOptions
        {
            Identity = id,
            Genesis = _genesis,
            SlotDuration = _slotDuration,
            Scheme = Scheme,
            SecretKey = SimulationSetup.SecretKey(Scheme, _options.Seed, group, member),
            States = _states,
            ProtectionStore = new InMemorySlashingProtectionStore(),
            Events = _recorder,
            Profile = profile,
            Mempool = _mempool,
        }, port);
        if (profile.Kind == ProfileKind.Late)
        {
            _network.SetDeliveryDelay(simulated.NetworkId, _topics.BeaconBlock, profile.Delay);
        }

        _members.Add(simulated);
    }

    private void Start(SimulatedMember member)
    {
        member.Running = true;
        member.Generation++;
        _network.SetOnline(member.NetworkId, true);
        var generation = member.Generation;
        var first = member.Node.Start(_scheduler.Now);
        _scheduler.At(first, () => Tick(member, generation));
    }

    private void Tick(SimulatedMember member, int generation)
    {
        if (!member.Running || member.Generation != generation)
        {
            return;
        }

        var now = _scheduler.Now;
        var next = member.Node.OnTick(now);
        _scheduler.At(next > now ? next : now + (_slotDuration / 12), () => Tick(member, generation));
    }

    private void Deliver(SimulatedMember member, GossipDelivery delivery)
    {
        if (!member.Running)
        {
            return;
        }

        var verdict = member.Node.OnGossip(_scheduler.Now, delivery.Topic, delivery.Data);
        if (verdict == GossipVerdict.Reject)
        {
            var key = "gossip rejected: " + GossipTopics.ShortName(delivery.Topic);
            _rejected[key] = _rejected.GetValueOrDefault(key) + 1;
        }
    }

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
    private void RequestBlock(SimulatedMember requester, Root root)
    {
        foreach (var peer in _members)
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
            case FaultKind.Crash:
                foreach (var member in _members.Where(m => fault.Targets[0].Contains((int)m.Id.Group.Value, m.Id.Member) && m.Running))
                {
                    member.Running = false;
                    member.Transitions.Add((slot, false));
                    _network.SetOnline(member.NetworkId, false);
                }

                break;
            case FaultKind.Restart:
                foreach (var member in _members.Where(m => fault.Targets[0].Contains((int)m.Id.Group.Value, m.Id.Member) && !m.Running && m.Profile.Kind != ProfileKind.Offline))
                {
                    member.Transitions.Add((slot, true));
                    Start(member);
                }

                break;
            case FaultKind.Partition:
                var sides = new int[_members.Count];
                foreach (var member in _members)
                {
                    var side = fault.Targets.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Contains((int)member.Id.Group.Value, member.Id.Member)).i;
                    sides[member.NetworkId] = side;
                }

                _network.Partition(sides);
                _partitions.Add((slot, true));
                break;
            case FaultKind.Heal:
                _network.Heal();
                _partitions.Add((slot, false));
                break;
            case FaultKind.Rotate:
                foreach (var member in _members.Where(m => fault.Targets[0].Contains((int)m.Id.Group.Value, m.Id.Member) && m.Running))
                {
                    member.Rotations++;
                    member.Node.RotateKey(member.Id, SimulationSetup.SecretKey(Scheme, _options.Seed, (int)member.Id.Group.Value, member.Id.Member, member.Rotations), _scheduler.Now);
                }

                break;
        }
    }

    private sealed class SimulatedMember(MemberId id, MemberProfile profile)
    {
        public MemberId Id { get; } = id;

        public MemberProfile Profile { get; } = profile;

        public int NetworkId { get; set; }

        public DvtNode Node { get; set; } = null!;

        public bool Running { get; set; }

        public int Generation { get; set; }

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
