using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Gossipsub;
using NativeDvt.Libp2p.Hosting;
using NativeDvt.Node.Hosting;
using NativeDvt.Node.Libp2p.ReqResp;
using NativeDvt.Node.Network;

namespace NativeDvt.Node.Libp2p;

/// <summary>
/// A node's <see cref="IGossipNetwork"/> over gossipsub: payloads leave as <c>ssz_snappy</c> (one snappy block) with the
/// Ethereum message id the router is configured with; every subscribed topic gets a validator that decompresses
/// (bad snappy: Reject) and asks the node through its <see cref="IGossipInbox"/>, mapping its verdict onto gossipsub's
/// (Reject penalises the sender through the v1.1 score). Missing blocks are fetched with BeaconBlocksByRoot from
/// connected peers and handed to the node as block-topic deliveries.
/// </summary>
public sealed class Libp2pGossipNetwork : IGossipNetwork, IDisposable
{
    private readonly GossipsubRouter _router;
    private readonly IGossipInbox _inbox;
    private readonly string _blockTopic;
    private readonly Libp2pHost? _blockSource;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ReqRespPenalties? _penalties;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, TopicCounters> _topics = new(StringComparer.Ordinal);
    private long _blocksFetched;

    /// <summary>Rounds over the connected peers before a fetch gives up (the node asks for a root only once).</summary>
    public const int FetchRounds = 3;

    /// <summary>The pause between rounds: a peer may still be validating the block it will then hold.</summary>
    public static readonly TimeSpan FetchRoundPause = TimeSpan.FromMilliseconds(500);

    /// <param name="router">The gossipsub router (its message id should be <see cref="EthereumMessageId.Compute"/>).</param>
    /// <param name="topics">The chain's topics (fetched blocks come back on the block topic).</param>
    /// <param name="inbox">Where deliveries are validated (the node's runner).</param>
    /// <param name="blockSource">The host whose connected peers are asked for missing blocks; null fetches nothing.</param>
    /// <param name="logger">Optional.</param>
    /// <param name="time">The clock for the pause between fetch rounds.</param>
    /// <param name="penalties">Where peers that serve blocks the node rejects are penalised (the router's P5), if anywhere.</param>
    public Libp2pGossipNetwork(
        GossipsubRouter router, GossipTopics topics, IGossipInbox inbox, Libp2pHost? blockSource = null, ILogger? logger = null, TimeProvider? time = null, ReqRespPenalties? penalties = null)
    {
        _time = time ?? TimeProvider.System;
        _penalties = penalties;
        _router = router;
        _inbox = inbox;
        _blockTopic = topics.BeaconBlock;
        _blockSource = blockSource;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Per-topic counters.</summary>
    public IReadOnlyDictionary<string, TopicCounters> Topics => _topics;

    /// <summary>
    /// How long the node's block publications are held back before they go out: a late proposer for fault experiments
    /// (the dashboard's <c>delay</c>). Zero publishes at once.
    /// </summary>
    public TimeSpan BlockDelay { get; set; }

    /// <summary>Blocks fetched by root and handed to the node.</summary>
    public long BlocksFetched => Interlocked.Read(ref _blocksFetched);

    /// <inheritdoc />
    public void Subscribe(string topic)
    {
        var counters = CountersOf(topic);
        _router.SetValidator(topic, EthereumGossipValidator.Create(async (_, ssz, cancellationToken) =>
        {
            var verdict = await _inbox.DeliverAsync(topic, ssz, cancellationToken).ConfigureAwait(false);
            counters.CountVerdict(verdict);
            return verdict switch
            {
                GossipVerdict.Accept => ValidationResult.Accept,
                GossipVerdict.Reject => ValidationResult.Reject,
                _ => ValidationResult.Ignore,
            };
        }));
        _router.Subscribe(topic);
    }

    /// <inheritdoc />
    public void Publish(string topic, byte[] data)
    {
        if (topic == _blockTopic && BlockDelay > TimeSpan.Zero && !_stopping.IsCancellationRequested)
        {
            _ = PublishLaterAsync(topic, data, BlockDelay);
            return;
        }

        PublishNow(topic, data);
    }

    private async Task PublishLaterAsync(string topic, byte[] data, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        PublishNow(topic, data);
    }

    private void PublishNow(string topic, byte[] data)
    {
        try
        {
            _router.Publish(topic, SszSnappy.Compress(data));
            CountersOf(topic).CountPublished(data.Length);
        }
        catch (GossipsubException e)
        {
            // Already seen: an identical message (another aggregator's, or one we received) is out already.
            NodeLibp2pLog.NotPublished(_logger, topic, e.Message);
        }
    }

    /// <inheritdoc />
    public void RequestBlock(Root root)
    {
        if (_blockSource is not null && !_stopping.IsCancellationRequested)
        {
            _ = Task.Run(() => FetchAsync(_blockSource, root));
        }
    }

    /// <summary>Stops fetches in progress.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private TopicCounters CountersOf(string topic) => _topics.GetOrAdd(topic, _ => new TopicCounters());

    private async Task FetchAsync(Libp2pHost host, Root root)
    {
        CancellationToken stopping;
        try
        {
            stopping = _stopping.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            for (var round = 0; round < FetchRounds; round++)
            {
                if (round > 0)
                {
                    await Task.Delay(FetchRoundPause, _time, stopping).ConfigureAwait(false);
                }

                if (await FetchFromPeersAsync(host, root, stopping).ConfigureAwait(false))
                {
                    return;
                }
            }

            NodeLibp2pLog.BlockNotFound(_logger, root, FetchRounds);
        }
        catch (Exception e) when (e is not OutOfMemoryException && stopping.IsCancellationRequested)
        {
            // Shutting down: the host and the runner are going away under the fetch.
        }
    }

    private async Task<bool> FetchFromPeersAsync(Libp2pHost host, Root root, CancellationToken stopping)
    {
        var peers = host.ConnectedPeers.ToArray();
        Random.Shared.Shuffle(peers);
        foreach (var peer in peers)
        {
            IReadOnlyList<byte[]> blocks;
            try
            {
                blocks = await BeaconBlocksByRoot.RequestAsync(host, peer, [root], stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException && !stopping.IsCancellationRequested)
            {
                NodeLibp2pLog.BlockRequestFailed(_logger, peer, e);
                continue;
            }

            if (blocks.Count == 0)
            {
                continue;
            }

            NodeLibp2pLog.BlockFetched(_logger, root, peer);
            Interlocked.Add(ref _blocksFetched, blocks.Count);
            var rejected = false;
            foreach (var block in blocks)
            {
                rejected |= await _inbox.DeliverAsync(_blockTopic, block, stopping).ConfigureAwait(false) == GossipVerdict.Reject;
            }

            if (!rejected)
            {
                return true;
            }

            // An invalid answer costs the peer score, and another peer may hold the real block.
            _penalties?.InvalidBlock(peer.ToString());
        }

        return false;
    }
}
