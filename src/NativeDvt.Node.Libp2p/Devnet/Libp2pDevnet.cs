using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Node.Events;
using NativeDvt.Node.Network;
using NativeDvt.Node.Sharing;
using NativeDvt.Shared;

namespace NativeDvt.Node.Libp2p.Devnet;

/// <summary>
/// A devnet file run in one process over real libp2p on 127.0.0.1, in real time: every member is a
/// <see cref="Libp2pDvtNode"/> on its own host (offline members are never started), genesis and keys are built as
/// the simulator builds them (<see cref="DevnetSetup"/>), and node i dials the next <see cref="Libp2pDevnetOptions.Neighbours"/>
/// nodes. The nodes share one <see cref="SharedStateCache"/>, as the nodes of one silo would.
/// </summary>
public sealed class Libp2pDevnet : IAsyncDisposable
{
    private readonly Libp2pDevnetOptions _options;
    private readonly List<Libp2pDvtNode> _nodes = [];
    private readonly List<MemberProfile> _profiles = [];
    private readonly bool[] _running;

    private Libp2pDevnet(DevnetSpec spec, Libp2pDevnetOptions options)
    {
        _options = options;
        var (scheme, _) = DevnetSetup.Scheme(spec.Scheme);
        SlotDuration = DevnetSetup.SlotDuration(spec);
        var seed = options.Seed ?? spec.Seed ?? 1;
        Genesis = DevnetSetup.Genesis(spec, DevnetSetup.Config(spec, scheme, SlotDuration), scheme, seed);
        Topics = new GossipTopics(Genesis.Fork.CurrentVersion, Genesis.GenesisValidatorsRoot);
        States = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(scheme)));
        GenesisTime = options.Time.GetUtcNow() + options.GenesisDelay;
        var group = 0;
        foreach (var template in spec.Groups)
        {
            for (var c = 0; c < template.Count; c++, group++)
            {
                for (var m = 0; m < template.N; m++)
                {
                    var profile = template.Members.Count == template.N ? template.Members[m] : MemberProfile.Honest;
                    var listen = options.BasePort > 0 ? $"/ip4/127.0.0.1/tcp/{options.BasePort + _nodes.Count}" : "/ip4/127.0.0.1/tcp/0";
                    _profiles.Add(profile);
                    _nodes.Add(Libp2pDvtNode.Create(new Libp2pDvtNodeOptions
                    {
                        GenesisTime = GenesisTime,
                        Time = options.Time,
                        ListenAddress = Multiaddr.Parse(listen),
                        LoggerFactory = options.LoggerFactory,
                        Node = new NodeOptions
                        {
                            Identity = new MemberId(new GroupIndex((ulong)group), m),
                            Genesis = Genesis,
                            SlotDuration = SlotDuration,
                            Scheme = scheme,
                            SecretKey = DevnetSetup.SecretKey(scheme, seed, group, m),
                            States = States,
                            Events = options.Events,
                            Profile = profile.ToClientProfile(),
                        },
                    }));
                }
            }
        }

        _running = new bool[_nodes.Count];
    }

    /// <summary>The nodes, in group then member order (offline members included, never started).</summary>
    public IReadOnlyList<Libp2pDvtNode> Nodes => _nodes;

    /// <summary>The genesis state.</summary>
    public BeaconState Genesis { get; }

    /// <summary>The chain's topics.</summary>
    public GossipTopics Topics { get; }

    /// <summary>The process-wide state cache of the nodes.</summary>
    public SharedStateCache States { get; }

    /// <summary>Genesis on the devnet's clock.</summary>
    public DateTimeOffset GenesisTime { get; }

    /// <summary>The slot length.</summary>
    public TimeSpan SlotDuration { get; }

    /// <summary>Time since genesis (negative before it).</summary>
    public TimeSpan SinceGenesis => _options.Time.GetUtcNow() - GenesisTime;

    /// <summary>A devnet of <paramref name="spec"/>; nothing listens until <see cref="StartAsync"/>.</summary>
    public static Libp2pDevnet Create(DevnetSpec spec, Libp2pDevnetOptions options) => new(spec, options);

    /// <summary>True once node <paramref name="index"/> was started.</summary>
    public bool IsRunning(int index) => _running[index];

    /// <summary>Starts every member that is not offline (and that <paramref name="startNow"/> picks, if given), connected.</summary>
    public async Task StartAsync(Func<int, bool>? startNow = null, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (_profiles[i].Kind != ProfileKind.Offline && (startNow?.Invoke(i) ?? true))
            {
                await StartNodeAsync(i, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts node <paramref name="index"/> and connects it to its running neighbours.</summary>
    public async Task StartNodeAsync(int index, CancellationToken cancellationToken = default)
    {
        await _nodes[index].StartAsync(cancellationToken).ConfigureAwait(false);
        _running[index] = true;
        var count = _nodes.Count;
        for (var d = 1; d <= _options.Neighbours; d++)
        {
            foreach (var (from, to) in new[] { (index, (index + d) % count), ((index - d + count) % count, index) })
            {
                // Each pair once: the lower-distance direction dials (the lower index when both are equal).
                var ahead = (to - from + count) % count;
                var dials = ahead != 0 && (ahead < count - ahead || (ahead == count - ahead && from < to));
                if (dials && _running[from] && _running[to])
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(10));
                    await _nodes[from].DialAsync(_nodes[to].Address, timeout.Token).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The finalized checkpoints of the running nodes.</summary>
    public Task<Consensus.ForkChoice.ForkChoiceCheckpoint[]> FinalizedAsync() =>
        Task.WhenAll(_nodes.Where((_, i) => _running[i]).Select(n => n.InvokeAsync(node => node.Finalized)));

    /// <summary>
    /// Epoch <paramref name="epoch"/> as the first running honest node sees it now (call it near the epoch's end), and
    /// drops shared states below that node's finality.
    /// </summary>
    public async Task<EpochObservation?> ObserveAsync(ulong epoch)
    {
        var index = Enumerable.Range(0, _nodes.Count).FirstOrDefault(i => _running[i] && _profiles[i].Kind == ProfileKind.Honest, -1);
        if (index < 0)
        {
            return null;
        }

        var preset = Genesis.Preset;
        var observation = await _nodes[index].InvokeAsync(node =>
        {
            var start = epoch * preset.SlotsPerEpoch;
            var last = start + preset.SlotsPerEpoch - 1;
            var head = node.HeadBlock;
            var blocks = 0;
            for (StoredBlock? block = head; block?.Block is not null && block.Slot.Value >= start; block = node.FindBlock(block.Block.Message.ParentRoot))
            {
                blocks += block.Slot.Value <= last ? 1 : 0;
            }

            var state = States.Advanced(head, new Slot(Math.Max(last, head.Slot.Value)));
            var slots = GroupDuties.ProposerDuties(state).Count(d => d.Slot.Value is > 0 && d.Slot.Value >= start && d.Slot.Value <= last);
            var flags = epoch >= 1 ? state.PreviousEpochParticipation : null;
            return new EpochObservation(
                epoch,
                node.Finalized.Epoch.Value,
                node.Justified.Epoch.Value,
                head.Slot.Value,
                blocks,
                slots,
                Rate(flags, ParticipationFlags.TimelySource),
                Rate(flags, ParticipationFlags.TimelyTarget),
                Rate(flags, ParticipationFlags.TimelyHead));
        }).ConfigureAwait(false);
        States.PruneBefore(ChainTime.StartSlot(preset, new Epoch(observation.Finalized)));
        return observation;
    }

    /// <summary>Stops every node (its loop first, then gossip and the host).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static double? Rate(List<byte>? flags, int flag) =>
        flags is null || flags.Count == 0 ? null : (double)flags.Count(f => ParticipationFlags.Has(f, flag)) / flags.Count;
}
