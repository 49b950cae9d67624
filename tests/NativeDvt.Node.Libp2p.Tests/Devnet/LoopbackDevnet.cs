using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Devnet;
using NativeDvt.Node.Events;
using NativeDvt.Node.Network;
using NativeDvt.Node.Sharing;
using NativeDvt.Simulation;

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>
/// A devnet file's members as nodes over real libp2p in this process, each on its own loopback host, with genesis keys
/// and state built as the simulator builds them. Node i dials the next three nodes (each pair once), so every node has
/// up to six peers and gossipsub forms its meshes from those.
/// </summary>
internal sealed class LoopbackDevnet : IAsyncDisposable
{
    public const int Neighbours = 3;

    private LoopbackDevnet(List<Libp2pDvtNode> nodes, RecordingEvents events, GossipTopics topics, DateTimeOffset genesisTime, TimeSpan slot)
    {
        Nodes = nodes;
        Events = events;
        Topics = topics;
        GenesisTime = genesisTime;
        SlotDuration = slot;
    }

    public IReadOnlyList<Libp2pDvtNode> Nodes { get; }

    public RecordingEvents Events { get; }

    public GossipTopics Topics { get; }

    public DateTimeOffset GenesisTime { get; }

    public TimeSpan SlotDuration { get; }

    public TimeSpan SinceGenesis => DateTimeOffset.UtcNow - GenesisTime;

    /// <summary>Builds every member's node and starts those <paramref name="startNow"/> picks (all by default), connected.</summary>
    public static async Task<LoopbackDevnet> StartAsync(string yaml, TimeSpan genesisDelay, Func<int, bool>? startNow = null)
    {
        var spec = DevnetFileReader.Parse(yaml);
        var (scheme, _) = SimulationSetup.Scheme(spec.Scheme);
        var slot = spec.SlotDuration ?? TimeSpan.FromSeconds(1);
        var seed = spec.Seed ?? 1;
        var genesis = SimulationSetup.Genesis(spec, SimulationSetup.Config(spec, scheme, slot), scheme, seed);
        var states = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(scheme)));
        var events = new RecordingEvents();
        var genesisTime = DateTimeOffset.UtcNow + genesisDelay;
        var nodes = new List<Libp2pDvtNode>();
        var group = 0;
        foreach (var template in spec.Groups)
        {
            for (var c = 0; c < template.Count; c++, group++)
            {
                for (var m = 0; m < template.N; m++)
                {
                    nodes.Add(Libp2pDvtNode.Create(new Libp2pDvtNodeOptions
                    {
                        GenesisTime = genesisTime,
                        Node = new NodeOptions
                        {
                            Identity = new MemberId(new GroupIndex((ulong)group), m),
                            Genesis = genesis,
                            SlotDuration = slot,
                            Scheme = scheme,
                            SecretKey = SimulationSetup.SecretKey(scheme, seed, group, m),
                            States = states,
                            ProtectionStore = new InMemorySlashingProtectionStore(),
                            Events = events,
                        },
                    }));
                }
            }
        }

        var devnet = new LoopbackDevnet(nodes, events, new GossipTopics(genesis.Fork.CurrentVersion, genesis.GenesisValidatorsRoot), genesisTime, slot);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (startNow?.Invoke(i) ?? true)
            {
                await devnet.StartNodeAsync(i);
            }
        }

        return devnet;
    }

    /// <summary>Starts node <paramref name="index"/> and connects it to its running neighbours.</summary>
    public async Task StartNodeAsync(int index)
    {
        await Nodes[index].StartAsync();
        var count = Nodes.Count;
        for (var d = 1; d <= Neighbours; d++)
        {
            foreach (var (from, to) in new[] { (index, (index + d) % count), ((index - d + count) % count, index) })
            {
                // Each pair once: from dials to when to is at most as far ahead as behind.
                var ahead = ((to - from) + count) % count;
                var linked = ahead != 0 && (ahead < count - ahead || (ahead == count - ahead && from < to));
                if (linked && Nodes[from].Host.ListenAddresses.Count > 0 && Nodes[to].Host.ListenAddresses.Count > 0)
                {
                    await Nodes[from].DialAsync(Nodes[to].Address).WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
        }
    }

    public Task<ForkChoiceCheckpoint[]> FinalizedAsync() => Task.WhenAll(Nodes.Where(n => n.Host.ListenAddresses.Count > 0).Select(n => n.InvokeAsync(node => node.Finalized)));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
    }
}
