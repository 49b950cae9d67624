namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Gossipsub v1.1 peer scoring: per-peer, per-topic counters fed by mesh and delivery events, decayed every
/// decay interval, and combined into one score. Implements P1 (time in mesh), P2 (first message
/// deliveries), P3 and P3b (mesh message delivery deficit and failure penalty), P4 (invalid messages),
/// P5 (application score) and P7 (behaviour penalty); P6 (IP colocation) is not implemented.
/// </summary>
internal sealed class PeerScore
{
    private readonly PeerScoreParams _params;
    private readonly Dictionary<string, PeerStats> _peers = new(StringComparer.Ordinal);
    private readonly Dictionary<MessageId, DeliveryRecord> _deliveries = [];
    private readonly Queue<(MessageId Id, TimeSpan Expiry)> _deliveryExpiries = new();
    private readonly TimeSpan _deliveryTtl;
    private TimeSpan _lastDecay;

    public PeerScore(PeerScoreParams parameters, TimeSpan deliveryTtl, TimeSpan now)
    {
        _params = parameters;
        _deliveryTtl = deliveryTtl;
        _lastDecay = now;
    }

    private enum DeliveryStatus
    {
        Unknown,
        Valid,
        Invalid,
        Ignored,
    }

    public double Score(string peer, TimeSpan now)
    {
        if (!_peers.TryGetValue(peer, out var stats))
        {
            return 0;
        }

        var score = 0.0;
        foreach (var (topic, topicStats) in stats.Topics)
        {
            var p = _params.Topics[topic];
            var topicScore = 0.0;
            if (topicStats.InMesh)
            {
                var quanta = (now - topicStats.GraftTime) / p.TimeInMeshQuantum;
                topicScore += Math.Min(quanta, p.TimeInMeshCap) * p.TimeInMeshWeight;
            }

            topicScore += topicStats.FirstMessageDeliveries * p.FirstMessageDeliveriesWeight;
            if (IsMeshDeliveryActive(topicStats, p, now) && topicStats.MeshMessageDeliveries < p.MeshMessageDeliveriesThreshold)
            {
                var deficit = p.MeshMessageDeliveriesThreshold - topicStats.MeshMessageDeliveries;
                topicScore += deficit * deficit * p.MeshMessageDeliveriesWeight;
            }

            topicScore += topicStats.MeshFailurePenalty * p.MeshFailurePenaltyWeight;
            topicScore += topicStats.InvalidMessageDeliveries * topicStats.InvalidMessageDeliveries * p.InvalidMessageDeliveriesWeight;
            score += topicScore * p.TopicWeight;
        }

        if (_params.TopicScoreCap > 0 && score > _params.TopicScoreCap)
        {
            score = _params.TopicScoreCap;
        }

        if (_params.AppSpecificScore is { } appScore)
        {
            score += appScore(peer) * _params.AppSpecificWeight;
        }

        var excess = stats.BehaviourPenalty - _params.BehaviourPenaltyThreshold;
        if (excess > 0)
        {
            score += excess * excess * _params.BehaviourPenaltyWeight;
        }

        return score;
    }

    public void AddPeer(string peer)
    {
        if (_peers.TryGetValue(peer, out var stats))
        {
            stats.Connected = true;
            return;
        }

        _peers[peer] = new PeerStats { Connected = true };
    }

    /// <summary>A disconnected peer with a positive score is forgotten; otherwise its counters are retained.</summary>
    public void RemovePeer(string peer, TimeSpan now)
    {
        if (!_peers.TryGetValue(peer, out var stats))
        {
            return;
        }

        if (Score(peer, now) > 0)
        {
            _peers.Remove(peer);
            return;
        }

        foreach (var (topic, topicStats) in stats.Topics)
        {
            LeaveMesh(topicStats, _params.Topics[topic], now);
        }

        stats.Connected = false;
        stats.Expire = now + _params.RetainScore;
    }

    public void Graft(string peer, string topic, TimeSpan now)
    {
        if (TopicStatsOf(peer, topic) is { } topicStats)
        {
            topicStats.InMesh = true;
            topicStats.GraftTime = now;
            topicStats.MeshMessageDeliveries = 0;
        }
    }

    public void Prune(string peer, string topic, TimeSpan now)
    {
        if (TopicStatsOf(peer, topic) is { } topicStats)
        {
            LeaveMesh(topicStats, _params.Topics[topic], now);
        }
    }

    public void AddPenalty(string peer, int count)
    {
        if (_peers.TryGetValue(peer, out var stats))
        {
            stats.BehaviourPenalty += count;
        }
    }

    /// <summary>First receipt of a message, before validation: opens its delivery record.</summary>
    public void ValidateMessage(MessageId id, TimeSpan now)
    {
        if (!_deliveries.ContainsKey(id))
        {
            _deliveries[id] = new DeliveryRecord();
            _deliveryExpiries.Enqueue((id, now + _deliveryTtl));
        }
    }

    /// <summary>The message validated: credit the first deliverer and every mesh peer that sent it while it was validated.</summary>
    public void DeliverMessage(string from, MessageId id, string topic, TimeSpan now)
    {
        MarkFirstMessageDelivery(from, topic);
        if (!_deliveries.TryGetValue(id, out var record) || record.Status != DeliveryStatus.Unknown)
        {
            return;
        }

        record.Status = DeliveryStatus.Valid;
        record.Validated = now;
        foreach (var peer in record.Peers)
        {
            if (peer != from)
            {
                MarkDuplicateMeshDelivery(peer, topic);
            }
        }
    }

    /// <summary>The application rejected the message: the deliverer and every peer that forwarded it get P4.</summary>
    public void RejectMessage(string from, MessageId id, string topic)
    {
        MarkInvalidMessageDelivery(from, topic);
        if (!_deliveries.TryGetValue(id, out var record) || record.Status != DeliveryStatus.Unknown)
        {
            return;
        }

        record.Status = DeliveryStatus.Invalid;
        foreach (var peer in record.Peers)
        {
            MarkInvalidMessageDelivery(peer, topic);
        }

        record.Peers.Clear();
    }

    /// <summary>A message rejected before validation (e.g. it breaks StrictNoSign): P4 for the sender only.</summary>
    public void RejectUnrecorded(string from, string topic) => MarkInvalidMessageDelivery(from, topic);

    public void IgnoreMessage(MessageId id)
    {
        if (_deliveries.TryGetValue(id, out var record) && record.Status == DeliveryStatus.Unknown)
        {
            record.Status = DeliveryStatus.Ignored;
            record.Peers.Clear();
        }
    }

    public void DuplicateMessage(string from, MessageId id, string topic, TimeSpan now)
    {
        if (!_deliveries.TryGetValue(id, out var record) || !record.Peers.Add(from))
        {
            return;
        }

        switch (record.Status)
        {
            case DeliveryStatus.Valid:
                var window = _params.Topics.TryGetValue(topic, out var p) ? p.MeshMessageDeliveriesWindow : TimeSpan.Zero;
                if (now <= record.Validated + window)
                {
                    MarkDuplicateMeshDelivery(from, topic);
                }

                break;
            case DeliveryStatus.Invalid:
                MarkInvalidMessageDelivery(from, topic);
                break;
            case DeliveryStatus.Ignored:
            case DeliveryStatus.Unknown:
                break;
        }
    }

    /// <summary>Applies every decay interval that has elapsed and forgets expired records and peers.</summary>
    public void Refresh(TimeSpan now)
    {
        while (_deliveryExpiries.TryPeek(out var head) && head.Expiry <= now)
        {
            _deliveryExpiries.Dequeue();
            _deliveries.Remove(head.Id);
        }

        while (now - _lastDecay >= _params.DecayInterval)
        {
            _lastDecay += _params.DecayInterval;
            Decay();
        }

        foreach (var (peer, stats) in _peers.ToList())
        {
            if (!stats.Connected && stats.Expire <= now)
            {
                _peers.Remove(peer);
            }
        }
    }

    private static bool IsMeshDeliveryActive(TopicStats stats, TopicScoreParams p, TimeSpan now) =>
        stats.InMesh && now - stats.GraftTime >= p.MeshMessageDeliveriesActivation;

    private void LeaveMesh(TopicStats stats, TopicScoreParams p, TimeSpan now)
    {
        if (IsMeshDeliveryActive(stats, p, now) && stats.MeshMessageDeliveries < p.MeshMessageDeliveriesThreshold)
        {
            var deficit = p.MeshMessageDeliveriesThreshold - stats.MeshMessageDeliveries;
            stats.MeshFailurePenalty += deficit * deficit;
        }

        stats.InMesh = false;
    }

    private void Decay()
    {
        var toZero = _params.DecayToZero;
        foreach (var stats in _peers.Values)
        {
            foreach (var (topic, t) in stats.Topics)
            {
                var p = _params.Topics[topic];
                t.FirstMessageDeliveries = DecayValue(t.FirstMessageDeliveries, p.FirstMessageDeliveriesDecay, toZero);
                t.MeshMessageDeliveries = DecayValue(t.MeshMessageDeliveries, p.MeshMessageDeliveriesDecay, toZero);
                t.MeshFailurePenalty = DecayValue(t.MeshFailurePenalty, p.MeshFailurePenaltyDecay, toZero);
                t.InvalidMessageDeliveries = DecayValue(t.InvalidMessageDeliveries, p.InvalidMessageDeliveriesDecay, toZero);
            }

            stats.BehaviourPenalty = DecayValue(stats.BehaviourPenalty, _params.BehaviourPenaltyDecay, toZero);
        }
    }

    private static double DecayValue(double value, double decay, double toZero)
    {
        var decayed = value * decay;
        return decayed < toZero ? 0 : decayed;
    }

    private void MarkFirstMessageDelivery(string peer, string topic)
    {
        if (TopicStatsOf(peer, topic) is not { } stats)
        {
            return;
        }

        var p = _params.Topics[topic];
        stats.FirstMessageDeliveries = Math.Min(stats.FirstMessageDeliveries + 1, p.FirstMessageDeliveriesCap);
        if (stats.InMesh)
        {
            stats.MeshMessageDeliveries = Math.Min(stats.MeshMessageDeliveries + 1, p.MeshMessageDeliveriesCap);
        }
    }

    private void MarkDuplicateMeshDelivery(string peer, string topic)
    {
        if (TopicStatsOf(peer, topic) is { InMesh: true } stats)
        {
            stats.MeshMessageDeliveries = Math.Min(stats.MeshMessageDeliveries + 1, _params.Topics[topic].MeshMessageDeliveriesCap);
        }
    }

    private void MarkInvalidMessageDelivery(string peer, string topic)
    {
        if (TopicStatsOf(peer, topic) is { } stats)
        {
            stats.InvalidMessageDeliveries += 1;
        }
    }

    private TopicStats? TopicStatsOf(string peer, string topic)
    {
        if (!_peers.TryGetValue(peer, out var stats) || !_params.Topics.ContainsKey(topic))
        {
            return null;
        }

        if (!stats.Topics.TryGetValue(topic, out var topicStats))
        {
            topicStats = new TopicStats();
            stats.Topics[topic] = topicStats;
        }

        return topicStats;
    }

    private sealed class PeerStats
    {
        public bool Connected { get; set; }

        public TimeSpan Expire { get; set; }

        public Dictionary<string, TopicStats> Topics { get; } = new(StringComparer.Ordinal);

        public double BehaviourPenalty { get; set; }
    }

    private sealed class TopicStats
    {
        public bool InMesh { get; set; }

        public TimeSpan GraftTime { get; set; }

        public double FirstMessageDeliveries { get; set; }

        public double MeshMessageDeliveries { get; set; }

        public double MeshFailurePenalty { get; set; }

        public double InvalidMessageDeliveries { get; set; }
    }

    private sealed class DeliveryRecord
    {
        public DeliveryStatus Status { get; set; }

        public TimeSpan Validated { get; set; }

        public HashSet<string> Peers { get; } = new(StringComparer.Ordinal);
    }
}
