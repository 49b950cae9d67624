using NativeDvt.Consensus.State;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Node.Hosting;
using NativeDvt.Node.Libp2p;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.AppHost.Tests.Audit;

/// <summary>
/// A libp2p peer on 127.0.0.1 that joins the devnet's gossip on every topic (every group's subnets included) and hands
/// each message to a <see cref="SignedMessageAudit"/>. It forwards what it reads, as any peer does, so that the nodes keep
/// it in their meshes; it signs nothing.
/// </summary>
internal sealed class GossipAuditor : IGossipInbox, IAsyncDisposable
{
    private readonly Libp2pHost _host;
    private readonly GossipsubService _gossip;
    private readonly Libp2pGossipNetwork _network;

    public GossipAuditor(BeaconState genesis)
    {
        var topics = new GossipTopics(genesis.Fork.CurrentVersion, genesis.GenesisValidatorsRoot);
        var groups = Enumerable.Range(0, genesis.Groups.Count).Select(g => (ulong)g).ToList();
        Topics = [.. topics.All
            .Concat(groups.SelectMany(g => new[] { topics.MemberAttestation(g), topics.InclusionListProposal(g), topics.InclusionListFollow(g) }))
            .Distinct(StringComparer.Ordinal)];
        Audit = new SignedMessageAudit(genesis.Preset, topics);
        _host = new Libp2pHost(new Libp2pHostOptions { Identity = PrivateKey.GenerateEd25519(), ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")] });
        _gossip = _host.AddGossipsub(EthereumGossipOptions.Create());
        _network = new Libp2pGossipNetwork(_gossip.Router, topics, this);
    }

    /// <summary>What it has read.</summary>
    public SignedMessageAudit Audit { get; }

    /// <summary>Every topic it listens on.</summary>
    public IReadOnlyList<string> Topics { get; }

    private int _undecodable;

    /// <summary>Bytes that did not decode on their topic.</summary>
    public int Undecodable => Volatile.Read(ref _undecodable);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken);
        _gossip.Start();
        foreach (var topic in Topics)
        {
            _network.Subscribe(topic);
        }
    }

    /// <summary>Dials <paramref name="address"/> unless already connected to its peer; a peer that is down is skipped.</summary>
    public async Task ConnectAsync(string address, CancellationToken cancellationToken)
    {
        var target = Multiaddr.Parse(address);
        if (_host.ConnectedPeers.Any(p => address.EndsWith(p.ToString(), StringComparison.Ordinal)))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await _host.DialAsync(target, timeout.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // A silo that died took this address with it; the identity comes back at another one.
        }
    }

    public ValueTask<GossipVerdict> DeliverAsync(string topic, byte[] ssz, CancellationToken cancellationToken)
    {
        try
        {
            Audit.Record(topic, ssz);
            return ValueTask.FromResult(GossipVerdict.Accept);
        }
        catch (SszException)
        {
            Interlocked.Increment(ref _undecodable);
            return ValueTask.FromResult(GossipVerdict.Reject);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _network.Dispose();
        await _gossip.DisposeAsync();
        await _host.DisposeAsync();
    }
}
