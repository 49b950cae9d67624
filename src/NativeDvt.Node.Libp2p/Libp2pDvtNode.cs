using Microsoft.Extensions.Logging.Abstractions;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Node.Hosting;
using NativeDvt.Node.Libp2p.ReqResp;
using NativeDvt.Node.Network;
using NativeDvt.Node.Timing;

namespace NativeDvt.Node.Libp2p;

/// <summary>
/// One <see cref="DvtNode"/> on its own libp2p host: gossipsub with the Ethereum parameters and this devnet's topic
/// scoring, the node's <see cref="Libp2pGossipNetwork"/>, BeaconBlocksByRoot served from the node's store, and the
/// <see cref="NodeRunner"/> that drives the node in real time.
/// </summary>
public sealed class Libp2pDvtNode : IAsyncDisposable
{
    private Libp2pDvtNode(Libp2pDvtNodeOptions options)
    {
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var genesis = options.Node.Genesis;
        var topics = new GossipTopics(genesis.Fork.CurrentVersion, genesis.GenesisValidatorsRoot);
        var gossipOptions = EthereumGossipOptions.Create();
        var groups = options.Node.MoreIdentities.Select(i => i.Identity.Group).Prepend(options.Node.Identity.Group);
        foreach (var topic in topics.All.Concat(groups.Select(g => topics.MemberAttestation(g.Value))).Distinct())
        {
            gossipOptions = EthereumGossipOptions.WithTopicScoring(gossipOptions, topic);
        }

        var penalties = new ReqRespPenalties(options.Time);
        gossipOptions = penalties.ApplyTo(gossipOptions);
        Host = new Libp2pHost(new Libp2pHostOptions { Identity = options.HostKey, ListenAddresses = [options.ListenAddress], LoggerFactory = loggers });
        Gossip = Host.AddGossipsub(gossipOptions, options.Time, loggers);
        var logger = loggers.CreateLogger("NativeDvt.Node.Libp2p");
        Runner = new NodeRunner(options.Time, options.GenesisTime, SlotTiming.LeaderTimeoutOf(options.Node.SlotDuration), logger);
        Network = new Libp2pGossipNetwork(Gossip.Router, topics, Runner, Host, logger, options.Time, penalties);
        Node = new DvtNode(options.Node, Network);
        BeaconBlocksByRoot.Serve(Host, (root, cancellationToken) => Runner.InvokeAsync(() => Node.BlockBytes(root), cancellationToken), logger);
    }

    /// <summary>The libp2p host.</summary>
    public Libp2pHost Host { get; }

    /// <summary>Gossipsub on the host.</summary>
    public GossipsubService Gossip { get; }

    /// <summary>The node's network.</summary>
    public Libp2pGossipNetwork Network { get; }

    /// <summary>The node's driver: read node state through <see cref="InvokeAsync{T}"/>.</summary>
    public NodeRunner Runner { get; }

    /// <summary>The node; call into it only through <see cref="InvokeAsync{T}"/>.</summary>
    public DvtNode Node { get; }

    /// <summary>The first listen address with the peer id (after <see cref="StartAsync"/>).</summary>
    public Multiaddr Address => Host.ListenAddresses[0].WithPeerId(Host.PeerId);

    /// <summary>A node over libp2p; nothing listens until <see cref="StartAsync"/>.</summary>
    public static Libp2pDvtNode Create(Libp2pDvtNodeOptions options) => new(options);

    /// <summary>Listens, starts the gossipsub heartbeat, and starts the node (it subscribes now and ticks from genesis).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Host.StartAsync(cancellationToken).ConfigureAwait(false);
        Gossip.Start();
        Runner.Start(new DrivenDvtNode(Node));
    }

    /// <summary>Connects to a peer.</summary>
    public Task DialAsync(Multiaddr address, CancellationToken cancellationToken = default) => Host.DialAsync(address, cancellationToken);

    /// <summary>Runs <paramref name="read"/> on the node's loop.</summary>
    public Task<T> InvokeAsync<T>(Func<DvtNode, T> read, CancellationToken cancellationToken = default) =>
        Runner.InvokeAsync(() => read(Node), cancellationToken);

    /// <summary>Stops the node first (no more calls into it), then gossip and the host.</summary>
    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync().ConfigureAwait(false);
        Network.Dispose();
        await Gossip.DisposeAsync().ConfigureAwait(false);
        await Host.DisposeAsync().ConfigureAwait(false);
    }
}
