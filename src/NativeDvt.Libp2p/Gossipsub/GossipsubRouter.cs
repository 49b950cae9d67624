using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// A gossipsub v1.1 router (speaking v1.0 to peers that only know /meshsub/1.0.0), under the StrictNoSign
/// policy. Transport-agnostic: the host reports peers and their RPCs and delivers what the router queues on
/// <see cref="IGossipsubTransport"/>. Time comes from a <see cref="TimeProvider"/>; the heartbeat runs on
/// its timer after <see cref="Start"/>, or whenever <see cref="Heartbeat"/> is called (tests).
/// </summary>
/// <remarks>Specs: libp2p/specs pubsub/gossipsub/gossipsub-v1.0.md and gossipsub-v1.1.md.</remarks>
public sealed partial class GossipsubRouter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GossipsubOptions _options;
    private readonly IGossipsubTransport _transport;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly Random _random;
    private readonly Dictionary<string, PeerState> _peers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _topicPeers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GossipValidator> _validators = new(StringComparer.Ordinal);
    private readonly TimeCache _seen;
    private readonly MessageCache _mcache;
    private readonly PeerScore _score;
    private readonly GossipPromises _promises = new();
    private readonly ILogger _logger;
    private ITimer? _heartbeatTimer;

    public GossipsubRouter(GossipsubOptions options, IGossipsubTransport transport, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        options.Validate();
        _options = options;
        _transport = transport;
        _time = timeProvider ?? TimeProvider.System;
        _startTimestamp = _time.GetTimestamp();
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        _seen = new TimeCache(options.SeenTtl);
        _mcache = new MessageCache(options.HistoryLength, options.HistoryGossip);
        _score = new PeerScore(options.ScoreParams, options.SeenTtl, TimeSpan.Zero);
    }

    /// <summary>Raised, outside the router lock, for every message that passed validation.</summary>
    public event EventHandler<GossipMessageEventArgs>? MessageReceived;

    public GossipsubOptions Options => _options;

    private TimeSpan Now => _time.GetElapsedTime(_startTimestamp);

    /// <summary>Starts the heartbeat timer.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _heartbeatTimer ??= _time.CreateTimer(_ => Heartbeat(), null, _options.HeartbeatInterval, _options.HeartbeatInterval);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _heartbeatTimer?.Dispose();
            _heartbeatTimer = null;
        }
    }

    /// <summary>Sets (or with null removes) the validator run on every new message of a topic.</summary>
    public void SetValidator(string topic, GossipValidator? validator)
    {
        lock (_gate)
        {
            if (validator is null)
            {
                _validators.Remove(topic);
            }
            else
            {
                _validators[topic] = validator;
            }
        }
    }

    /// <summary>A peer connected with a gossipsub stream; it receives our subscriptions.</summary>
    public void AddPeer(string peer, GossipsubProtocol protocol, bool outbound)
    {
        lock (_gate)
        {
            if (_peers.ContainsKey(peer))
            {
                return;
            }

            _peers[peer] = new PeerState(peer, protocol, outbound);
            GossipsubLog.PeerAdded(_logger, peer, protocol, outbound);
            _score.AddPeer(peer);
            if (_subscriptions.Count > 0)
            {
                _transport.Send(peer, new Rpc { Subscriptions = [.. _subscriptions.Select(t => new SubOpts(true, t))] });
            }
        }
    }

    /// <summary>A peer disconnected: it leaves every topic, mesh and fanout.</summary>
    public void RemovePeer(string peer)
    {
        lock (_gate)
        {
            if (!_peers.Remove(peer, out var state))
            {
                return;
            }

            foreach (var topic in state.Topics)
            {
                LeaveTopic(peer, topic);
            }

            // A peer can be in a mesh without having announced the topic (it may GRAFT first).
            foreach (var (topic, mesh) in _mesh)
            {
                if (mesh.Remove(peer))
                {
                    _score.Prune(peer, topic, Now);
                }
            }

            foreach (var fanout in _fanout.Values)
            {
                fanout.Remove(peer);
            }

            _score.RemovePeer(peer, Now);
        }
    }

    /// <summary>Joins a topic: announces it and builds a mesh (from the fanout first).</summary>
    public void Subscribe(string topic)
    {
        lock (_gate)
        {
            if (!_subscriptions.Add(topic))
            {
                return;
            }

            var announce = new Rpc { Subscriptions = [new SubOpts(true, topic)] };
            foreach (var peer in _peers.Keys)
            {
                _transport.Send(peer, announce);
            }

            Join(topic);
        }
    }

    /// <summary>Leaves a topic: announces it and prunes the mesh with the unsubscribe backoff.</summary>
    public void Unsubscribe(string topic)
    {
        lock (_gate)
        {
            if (!_subscriptions.Remove(topic))
            {
                return;
            }

            var announce = new Rpc { Subscriptions = [new SubOpts(false, topic)] };
            foreach (var peer in _peers.Keys)
            {
                _transport.Send(peer, announce);
            }

            Leave(topic);
        }
    }

    /// <summary>Handles one RPC from a peer: subscriptions, messages (validated asynchronously), control.</summary>
    public async Task HandleRpcAsync(string peer, Rpc rpc, CancellationToken cancellationToken = default)
    {
        List<PendingValidation> pending;
        lock (_gate)
        {
            if (!_peers.TryGetValue(peer, out var state))
            {
                return;
            }

            if (IsGraylisted(peer))
            {
                GossipsubLog.GraylistedRpcIgnored(_logger, peer);
                return;
            }

            foreach (var subscription in rpc.Subscriptions)
            {
                HandleSubscription(state, subscription);
            }

            pending = ReceiveMessages(state, rpc.Messages);
            if (rpc.Control is { } control)
            {
                HandleControl(state, control);
            }
        }

        foreach (var item in pending)
        {
            var result = await ValidateAsync(item, _logger, cancellationToken).ConfigureAwait(false);
            GossipMessageEventArgs? delivered;
            lock (_gate)
            {
                delivered = CompleteValidation(item, result);
            }

            if (delivered is not null)
            {
                MessageReceived?.Invoke(this, delivered);
            }
        }
    }

    /// <summary>The peers known to be subscribed to a topic.</summary>
    public IReadOnlyCollection<string> TopicPeers(string topic)
    {
        lock (_gate)
        {
            return _topicPeers.TryGetValue(topic, out var peers) ? [.. peers] : [];
        }
    }

    private void HandleSubscription(PeerState state, SubOpts subscription)
    {
        var topic = subscription.TopicId;
        if (subscription.Subscribe)
        {
            // Bounds the memory a peer can make us spend on topics nobody else uses.
            if (state.Topics.Count < _options.MaxSubscriptionsPerPeer && state.Topics.Add(topic))
            {
                PeersOf(_topicPeers, topic).Add(state.Id);
            }
        }
        else if (state.Topics.Remove(topic))
        {
            LeaveTopic(state.Id, topic);
        }
    }

    private void LeaveTopic(string peer, string topic)
    {
        if (_topicPeers.TryGetValue(topic, out var peers))
        {
            peers.Remove(peer);
            if (peers.Count == 0)
            {
                _topicPeers.Remove(topic);
            }
        }

        if (_mesh.TryGetValue(topic, out var mesh) && mesh.Remove(peer))
        {
            _score.Prune(peer, topic, Now);
        }

        if (_fanout.TryGetValue(topic, out var fanout))
        {
            fanout.Remove(peer);
        }
    }

    private void HandleControl(PeerState state, ControlMessage control)
    {
        var iwant = HandleIHave(state, control.IHave);
        var messages = HandleIWant(state, control.IWant);
        var prunes = HandleGraft(state, control.Graft);
        HandlePrune(state, control.Prune);
        var reply = new Rpc
        {
            Messages = messages,
            Control = new ControlMessage { IWant = iwant is null ? [] : [iwant], Prune = prunes },
        };
        if (!reply.IsEmpty)
        {
            _transport.Send(state.Id, reply);
        }
    }

    private static HashSet<string> PeersOf(Dictionary<string, HashSet<string>> map, string topic)
    {
        if (!map.TryGetValue(topic, out var peers))
        {
            peers = new HashSet<string>(StringComparer.Ordinal);
            map[topic] = peers;
        }

        return peers;
    }

    /// <summary>Picks up to <paramref name="count"/> distinct items uniformly at random.</summary>
    private List<string> PickRandom(IEnumerable<string> candidates, int count)
    {
        var list = candidates.ToList();
        Shuffle(list);
        if (list.Count > count)
        {
            list.RemoveRange(count, list.Count - count);
        }

        return list;
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
