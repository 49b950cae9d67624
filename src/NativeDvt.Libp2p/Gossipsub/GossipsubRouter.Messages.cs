using Microsoft.Extensions.Logging;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Publishing, receiving, validating and forwarding messages.</summary>
public sealed partial class GossipsubRouter
{
    /// <summary>
    /// Publishes our own message: to every topic peer above the publish threshold when flood publishing,
    /// else to the mesh, else to the fanout. Returns the number of peers it was sent to.
    /// </summary>
    public int Publish(string topic, byte[] data)
    {
        var message = new PubsubMessage { Topic = topic, Data = data };
        var id = new MessageId(_options.MessageIdFunction(message));
        lock (_gate)
        {
            if (!_seen.Add(id, Now))
            {
                throw new GossipsubException($"message {id} on {topic} was already seen");
            }

            _mcache.Put(id, message);
            var recipients = PublishRecipients(topic);
            var rpc = new Rpc { Messages = [message] };
            foreach (var peer in recipients)
            {
                _transport.Send(peer, rpc);
            }

            return recipients.Count;
        }
    }

    private List<string> PublishRecipients(string topic)
    {
        if (!_topicPeers.TryGetValue(topic, out var topicPeers))
        {
            return [];
        }

        var threshold = _options.ScoreThresholds.PublishThreshold;
        if (_options.FloodPublish)
        {
            return [.. topicPeers.Where(p => Score(p) >= threshold)];
        }

        if (_mesh.TryGetValue(topic, out var mesh))
        {
            return [.. mesh];
        }

        var fanout = PeersOf(_fanout, topic);
        if (fanout.Count < _options.D)
        {
            fanout.UnionWith(PickRandom(topicPeers.Where(p => !fanout.Contains(p) && Score(p) >= threshold), _options.D - fanout.Count));
        }

        _fanoutLastPublished[topic] = Now;
        return [.. fanout];
    }

    private List<PendingValidation> ReceiveMessages(PeerState state, IReadOnlyList<PubsubMessage> messages)
    {
        var pending = new List<PendingValidation>();
        foreach (var message in messages)
        {
            if (!_subscriptions.Contains(message.Topic))
            {
                continue;
            }

            // Checked before the seen cache, so a signed copy cannot shadow the valid unsigned message.
            if (message.HasAuthorFields)
            {
                _score.RejectUnrecorded(state.Id, message.Topic);
                continue;
            }

            MessageId id;
            try
            {
                id = new MessageId(_options.MessageIdFunction(message));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _score.RejectUnrecorded(state.Id, message.Topic);
                continue;
            }

            var now = Now;
            if (!_seen.Add(id, now))
            {
                _score.DuplicateMessage(state.Id, id, message.Topic, now);
                continue;
            }

            _promises.Fulfil(id);
            _score.ValidateMessage(id, now);
            pending.Add(new PendingValidation(state.Id, id, message, _validators.GetValueOrDefault(message.Topic)));
        }

        return pending;
    }

    private static async ValueTask<ValidationResult> ValidateAsync(PendingValidation item, ILogger logger, CancellationToken cancellationToken)
    {
        if (item.Validator is null)
        {
            return ValidationResult.Accept;
        }

        try
        {
            return await item.Validator(item.Source, item.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A validator that fails has no verdict: drop the message without blaming the sender.
            GossipsubLog.ValidatorFailed(logger, item.Message.Topic, e);
            return ValidationResult.Ignore;
        }
    }

    private GossipMessageEventArgs? CompleteValidation(PendingValidation item, ValidationResult result)
    {
        var topic = item.Message.Topic;
        switch (result)
        {
            case ValidationResult.Accept:
                _score.DeliverMessage(item.Source, item.Id, topic, Now);
                _mcache.Put(item.Id, item.Message);
                Forward(item);
                return new GossipMessageEventArgs(item.Source, item.Id, item.Message);
            case ValidationResult.Reject:
                _score.RejectMessage(item.Source, item.Id, topic);
                return null;
            default:
                _score.IgnoreMessage(item.Id);
                return null;
        }
    }

    private void Forward(PendingValidation item)
    {
        if (!_mesh.TryGetValue(item.Message.Topic, out var mesh))
        {
            return;
        }

        var rpc = new Rpc { Messages = [item.Message] };
        foreach (var peer in mesh)
        {
            if (peer != item.Source)
            {
                _transport.Send(peer, rpc);
            }
        }
    }
}
