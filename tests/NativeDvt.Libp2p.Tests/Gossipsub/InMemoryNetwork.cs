using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

/// <summary>
/// Routers wired together in memory on one fake clock. Sends are queued and delivered by <see cref="PumpAsync"/>
/// in order, so runs are deterministic; a filter can drop RPCs to simulate loss.
/// </summary>
internal sealed class InMemoryNetwork
{
    private readonly Queue<(string From, string To, Rpc Rpc)> _queue = new();
    private readonly HashSet<(string, string)> _links = [];

    public FakeTimeProvider Clock { get; } = new();

    public Dictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Return false to drop an RPC in flight.</summary>
    public Func<string, string, Rpc, bool> Filter { get; set; } = (_, _, _) => true;

    /// <summary>Every RPC sent so far, for assertions on control traffic.</summary>
    public List<(string From, string To, Rpc Rpc)> Sent { get; } = [];

    public Node Add(string name, GossipsubOptions options)
    {
        var node = new Node(name, this, options);
        Nodes[name] = node;
        return node;
    }

    /// <summary>Connects <paramref name="dialer"/> to <paramref name="listener"/> (outbound for the dialer).</summary>
    public void Connect(string dialer, string listener, GossipsubProtocol protocol = GossipsubProtocol.V11)
    {
        _links.Add((dialer, listener));
        _links.Add((listener, dialer));
        Nodes[dialer].Router.AddPeer(listener, protocol, outbound: true);
        Nodes[listener].Router.AddPeer(dialer, protocol, outbound: false);
    }

    public async Task PumpAsync()
    {
        while (_queue.TryDequeue(out var item))
        {
            if (_links.Contains((item.From, item.To)) && Filter(item.From, item.To, item.Rpc))
            {
                await Nodes[item.To].Router.InjectAsync(item.From, RpcCodec.Decode(RpcCodec.Encode(item.Rpc)));
            }
        }
    }

    /// <summary>Advances the clock one heartbeat interval and runs every router's heartbeat, delivering the traffic.</summary>
    public async Task HeartbeatsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Clock.Advance(Nodes.Values.First().Router.Options.HeartbeatInterval);
            foreach (var node in Nodes.Values)
            {
                node.Router.Heartbeat();
            }

            await PumpAsync();
        }
    }

    internal sealed class Node : IGossipsubTransport
    {
        private readonly InMemoryNetwork _network;

        public Node(string name, InMemoryNetwork network, GossipsubOptions options)
        {
            Name = name;
            _network = network;
            Router = new GossipsubRouter(options, this, network.Clock);
            Router.MessageReceived += (_, message) => Received.Add(message);
        }

        public string Name { get; }

        public GossipsubRouter Router { get; }

        public List<GossipMessageEventArgs> Received { get; } = [];

        public void Send(string peer, Rpc rpc)
        {
            _network.Sent.Add((Name, peer, rpc));
            _network._queue.Enqueue((Name, peer, rpc));
        }
    }
}
