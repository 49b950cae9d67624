namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Lazy push: IHAVE emission on the heartbeat, IHAVE/IWANT handling and IWANT promises.</summary>
public sealed partial class GossipsubRouter
{
    private ControlIWant? HandleIHave(PeerState state, IReadOnlyList<ControlIHave> ihaves)
    {
        if (ihaves.Count == 0 || Score(state.Id) < _options.ScoreThresholds.GossipThreshold)
        {
            return null;
        }

        // v1.1 flood protection: bound both the IHAVEs we accept and the ids we ask one peer for per heartbeat.
        state.IHaveCount++;
        if (state.IHaveCount > _options.MaxIHaveMessages || state.IAsked >= _options.MaxIHaveLength)
        {
            return null;
        }

        var wanted = new HashSet<MessageId>();
        foreach (var ihave in ihaves)
        {
            if (!_mesh.ContainsKey(ihave.TopicId))
            {
                continue;
            }

            foreach (var raw in ihave.MessageIds)
            {
                var id = new MessageId(raw);
                if (!_seen.Contains(id))
                {
                    wanted.Add(id);
                }
            }
        }

        if (wanted.Count == 0)
        {
            return null;
        }

        var ask = wanted.ToList();
        Shuffle(ask);
        var room = _options.MaxIHaveLength - state.IAsked;
        if (ask.Count > room)
        {
            ask.RemoveRange(room, ask.Count - room);
        }

        state.IAsked += ask.Count;
        _promises.Add(state.Id, ask[_random.Next(ask.Count)], Now + _options.IWantFollowupTime);
        return new ControlIWant([.. ask.Select(id => id.ToArray())]);
    }

    private List<PubsubMessage> HandleIWant(PeerState state, IReadOnlyList<ControlIWant> iwants)
    {
        var messages = new List<PubsubMessage>();
        if (iwants.Count == 0 || Score(state.Id) < _options.ScoreThresholds.GossipThreshold)
        {
            return messages;
        }

        foreach (var raw in iwants.SelectMany(i => i.MessageIds))
        {
            // Serving the same message to one peer over and over is how a peer would amplify traffic through us.
            if (_mcache.GetForPeer(new MessageId(raw), state.Id) is { } entry && entry.Transmissions <= _options.GossipRetransmission)
            {
                messages.Add(entry.Message);
            }
        }

        return messages;
    }

    /// <summary>Advertises the recent message ids of a topic to D_lazy (or gossip factor of) non-mesh peers.</summary>
    private void EmitGossip(string topic, HashSet<string> exclude, Dictionary<string, double> scores, ControlBatch batch)
    {
        var ids = _mcache.GossipIds(topic);
        if (ids.Count == 0 || !_topicPeers.TryGetValue(topic, out var topicPeers))
        {
            return;
        }

        var threshold = _options.ScoreThresholds.GossipThreshold;
        var candidates = topicPeers.Where(p => !exclude.Contains(p) && scores.GetValueOrDefault(p) >= threshold).ToList();
        var target = Math.Max(_options.DLazy, (int)(_options.GossipFactor * candidates.Count));
        foreach (var peer in PickRandom(candidates, target))
        {
            var advertised = ids;
            if (ids.Count > _options.MaxIHaveLength)
            {
                advertised = [.. ids];
                Shuffle(advertised);
                advertised.RemoveRange(_options.MaxIHaveLength, advertised.Count - _options.MaxIHaveLength);
            }

            batch.IHave(peer, new ControlIHave(topic, [.. advertised.Select(id => id.ToArray())]));
        }
    }

    private void PenaliseBrokenPromises(TimeSpan now)
    {
        foreach (var (peer, count) in _promises.TakeBroken(now))
        {
            _score.AddPenalty(peer, count);
        }
    }
}
