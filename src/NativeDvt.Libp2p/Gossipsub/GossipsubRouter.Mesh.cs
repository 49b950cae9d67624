namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Mesh and fanout state: joining and leaving topics, GRAFT/PRUNE with backoff, heartbeat maintenance.</summary>
public sealed partial class GossipsubRouter
{
    private readonly Dictionary<string, HashSet<string>> _mesh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _fanout = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _fanoutLastPublished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, TimeSpan>> _backoff = new(StringComparer.Ordinal);

    /// <summary>Our mesh peers for a topic.</summary>
    public IReadOnlyCollection<string> MeshPeers(string topic)
    {
        lock (_gate)
        {
            return _mesh.TryGetValue(topic, out var peers) ? [.. peers] : [];
        }
    }

    /// <summary>Our fanout peers for a topic we publish to without being subscribed.</summary>
    public IReadOnlyCollection<string> FanoutPeers(string topic)
    {
        lock (_gate)
        {
            return _fanout.TryGetValue(topic, out var peers) ? [.. peers] : [];
        }
    }

    private void Join(string topic)
    {
        var mesh = new HashSet<string>(StringComparer.Ordinal);
        if (_fanout.Remove(topic, out var fanout))
        {
            mesh.UnionWith(PickRandom(fanout.Where(p => CanGraft(p, topic)), _options.D));
            _fanoutLastPublished.Remove(topic);
        }

        if (mesh.Count < _options.D && _topicPeers.TryGetValue(topic, out var topicPeers))
        {
            mesh.UnionWith(PickRandom(topicPeers.Where(p => !mesh.Contains(p) && CanGraft(p, topic)), _options.D - mesh.Count));
        }

        _mesh[topic] = mesh;
        var graft = new Rpc { Control = new ControlMessage { Graft = [new ControlGraft(topic)] } };
        foreach (var peer in mesh)
        {
            _score.Graft(peer, topic, Now);
            _transport.Send(peer, graft);
        }
    }

    private void Leave(string topic)
    {
        if (!_mesh.Remove(topic, out var mesh))
        {
            return;
        }

        foreach (var peer in mesh)
        {
            _score.Prune(peer, topic, Now);
            AddBackoff(peer, topic, _options.UnsubscribeBackoff);
            var prune = MakePrune(peer, topic, _options.UnsubscribeBackoff);
            _transport.Send(peer, new Rpc { Control = new ControlMessage { Prune = [prune] } });
        }
    }

    /// <summary>A peer eligible to be grafted: subscribed, not backed off, not negatively scored.</summary>
    private bool CanGraft(string peer, string topic) =>
        _peers.ContainsKey(peer) && !IsBackedOff(peer, topic) && Score(peer) >= 0;

    private List<ControlPrune> HandleGraft(PeerState state, IReadOnlyList<ControlGraft> grafts)
    {
        var prunes = new List<ControlPrune>();
        var now = Now;
        foreach (var graft in grafts)
        {
            var topic = graft.TopicId;

            // GRAFTs for topics we are not in are ignored, not answered, so they cannot be used to probe us.
            if (!_mesh.TryGetValue(topic, out var mesh) || mesh.Contains(state.Id))
            {
                continue;
            }

            if (_backoff.TryGetValue(topic, out var backoffs) && backoffs.TryGetValue(state.Id, out var expiry) && now < expiry)
            {
                // v1.1: GRAFT during our backoff is penalised, twice if it comes right after the PRUNE (flood).
                _score.AddPenalty(state.Id, 1);
                if (now < expiry - _options.PruneBackoff + _options.GraftFloodThreshold)
                {
                    _score.AddPenalty(state.Id, 1);
                }

                AddBackoff(state.Id, topic, _options.PruneBackoff);
                prunes.Add(MakePrune(state.Id, topic, _options.PruneBackoff));
                continue;
            }

            if (Score(state.Id) < 0)
            {
                prunes.Add(MakePrune(state.Id, topic, _options.PruneBackoff));
                continue;
            }

            if (mesh.Count >= _options.DHi && !state.Outbound)
            {
                AddBackoff(state.Id, topic, _options.PruneBackoff);
                prunes.Add(MakePrune(state.Id, topic, _options.PruneBackoff));
                continue;
            }

            mesh.Add(state.Id);
            _score.Graft(state.Id, topic, now);
        }

        return prunes;
    }

    private void HandlePrune(PeerState state, IReadOnlyList<ControlPrune> prunes)
    {
        foreach (var prune in prunes)
        {
            if (_mesh.TryGetValue(prune.TopicId, out var mesh) && mesh.Remove(state.Id))
            {
                _score.Prune(state.Id, prune.TopicId, Now);
            }

            // A peer may ask for a longer backoff than ours; a day bounds what it can make us remember.
            var backoff = prune.BackoffSeconds is { } seconds and > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, 86_400))
                : _options.PruneBackoff;
            AddBackoff(state.Id, prune.TopicId, backoff);
        }
    }

    /// <summary>
    /// PRUNE without peer exchange (this router never offers PX, as Ethereum clients configure it);
    /// v1.0 peers do not know the backoff field.
    /// </summary>
    private ControlPrune MakePrune(string peer, string topic, TimeSpan backoff)
    {
        var protocol = _peers.TryGetValue(peer, out var state) ? state.Protocol : GossipsubProtocol.V11;
        return new ControlPrune(topic, [], protocol == GossipsubProtocol.V10 ? null : (ulong)backoff.TotalSeconds);
    }

    private bool IsOutbound(string peer) => _peers.TryGetValue(peer, out var state) && state.Outbound;

    private void AddBackoff(string peer, string topic, TimeSpan duration)
    {
        var backoffs = _backoff.TryGetValue(topic, out var existing) ? existing : _backoff[topic] = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var expiry = Now + duration;
        if (!backoffs.TryGetValue(peer, out var current) || current < expiry)
        {
            backoffs[peer] = expiry;
        }
    }

    private bool IsBackedOff(string peer, string topic) =>
        _backoff.TryGetValue(topic, out var backoffs) && backoffs.TryGetValue(peer, out var expiry) && Now < expiry;

    private void ClearExpiredBackoff(TimeSpan now)
    {
        foreach (var (topic, backoffs) in _backoff.ToList())
        {
            foreach (var (peer, expiry) in backoffs.ToList())
            {
                if (expiry <= now)
                {
                    backoffs.Remove(peer);
                }
            }

            if (backoffs.Count == 0)
            {
                _backoff.Remove(topic);
            }
        }
    }

    private void MaintainMesh(string topic, HashSet<string> mesh, Dictionary<string, double> scores, ControlBatch batch)
    {
        foreach (var peer in mesh.Where(p => scores.GetValueOrDefault(p) < 0).ToList())
        {
            PruneFromMesh(peer, topic, mesh, batch);
        }

        var candidates = _topicPeers.TryGetValue(topic, out var topicPeers)
            ? topicPeers.Where(p => !mesh.Contains(p) && !IsBackedOff(p, topic) && scores.GetValueOrDefault(p) >= 0).ToList()
            : [];

        if (mesh.Count < _options.DLo)
        {
            foreach (var peer in PickRandom(candidates, _options.D - mesh.Count))
            {
                GraftToMesh(peer, topic, mesh, batch);
            }
        }

        if (mesh.Count > _options.DHi)
        {
            var keep = SelectPeersToKeep(mesh, scores);
            foreach (var peer in mesh.Where(p => !keep.Contains(p)).ToList())
            {
                PruneFromMesh(peer, topic, mesh, batch);
            }
        }

        if (mesh.Count >= _options.DLo)
        {
            var outbound = mesh.Count(p => IsOutbound(p));
            if (outbound < _options.DOut)
            {
                var outboundCandidates = candidates.Where(p => !mesh.Contains(p) && IsOutbound(p));
                foreach (var peer in PickRandom(outboundCandidates, _options.DOut - outbound))
                {
                    GraftToMesh(peer, topic, mesh, batch);
                }
            }
        }

        if (_options.OpportunisticGraftTicks > 0 && _heartbeatTicks % _options.OpportunisticGraftTicks == 0 && mesh.Count > 1)
        {
            OpportunisticGraft(topic, mesh, candidates, scores, batch);
        }
    }

    /// <summary>
    /// Chooses the D peers kept when the mesh exceeds D_hi: the D_score best by score, the rest at random,
    /// with at least D_out outbound peers when the mesh has them.
    /// </summary>
    private HashSet<string> SelectPeersToKeep(HashSet<string> mesh, Dictionary<string, double> scores)
    {
        var ranked = mesh.ToList();
        Shuffle(ranked);
        ranked = [.. ranked.OrderByDescending(p => scores.GetValueOrDefault(p))];
        var rest = ranked.Skip(_options.DScore).ToList();
        Shuffle(rest);
        var ordered = ranked.Take(_options.DScore).Concat(rest).ToList();
        var keep = ordered.Take(_options.D).ToList();
        var outboundKept = keep.Count(p => IsOutbound(p));
        var spareOutbound = new Queue<string>(ordered.Skip(_options.D).Where(p => IsOutbound(p)));
        for (var i = keep.Count - 1; i >= 0 && outboundKept < _options.DOut && spareOutbound.Count > 0; i--)
        {
            if (!IsOutbound(keep[i]))
            {
                keep[i] = spareOutbound.Dequeue();
                outboundKept++;
            }
        }

        return new HashSet<string>(keep, StringComparer.Ordinal);
    }

    /// <summary>v1.1 opportunistic grafting: when the mesh's median score is low, graft peers scoring above it.</summary>
    private void OpportunisticGraft(string topic, HashSet<string> mesh, List<string> candidates, Dictionary<string, double> scores, ControlBatch batch)
    {
        var sorted = mesh.Select(p => scores.GetValueOrDefault(p)).Order().ToList();
        var median = sorted[sorted.Count / 2];
        if (median >= _options.ScoreThresholds.OpportunisticGraftThreshold)
        {
            return;
        }

        var better = candidates.Where(p => !mesh.Contains(p) && scores.GetValueOrDefault(p) > median);
        foreach (var peer in PickRandom(better, _options.OpportunisticGraftPeers))
        {
            GraftToMesh(peer, topic, mesh, batch);
        }
    }

    private void GraftToMesh(string peer, string topic, HashSet<string> mesh, ControlBatch batch)
    {
        mesh.Add(peer);
        _score.Graft(peer, topic, Now);
        batch.Graft(peer, topic);
    }

    private void PruneFromMesh(string peer, string topic, HashSet<string> mesh, ControlBatch batch)
    {
        mesh.Remove(peer);
        _score.Prune(peer, topic, Now);
        AddBackoff(peer, topic, _options.PruneBackoff);
        batch.Prune(peer, MakePrune(peer, topic, _options.PruneBackoff));
    }

    private void MaintainFanout(TimeSpan now, Dictionary<string, double> scores, ControlBatch batch)
    {
        var threshold = _options.ScoreThresholds.PublishThreshold;
        foreach (var (topic, fanout) in _fanout.ToList())
        {
            if (_fanoutLastPublished.GetValueOrDefault(topic) + _options.FanoutTtl <= now)
            {
                _fanout.Remove(topic);
                _fanoutLastPublished.Remove(topic);
                continue;
            }

            _topicPeers.TryGetValue(topic, out var topicPeers);
            fanout.RemoveWhere(p => topicPeers is null || !topicPeers.Contains(p) || scores.GetValueOrDefault(p) < threshold);
            if (fanout.Count < _options.D && topicPeers is not null)
            {
                fanout.UnionWith(PickRandom(topicPeers.Where(p => !fanout.Contains(p) && scores.GetValueOrDefault(p) >= threshold), _options.D - fanout.Count));
            }

            EmitGossip(topic, fanout, scores, batch);
        }
    }
}
