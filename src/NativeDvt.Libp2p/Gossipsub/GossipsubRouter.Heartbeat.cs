namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>The heartbeat: score upkeep, mesh and fanout maintenance, gossip emission, cache shifting.</summary>
public sealed partial class GossipsubRouter
{
    private long _heartbeatTicks;

    /// <summary>Runs one heartbeat now (the timer calls this every heartbeat interval).</summary>
    public void Heartbeat()
    {
        lock (_gate)
        {
            var now = Now;
            _heartbeatTicks++;
            _score.Refresh(now);
            PenaliseBrokenPromises(now);
            foreach (var state in _peers.Values)
            {
                state.IHaveCount = 0;
                state.IAsked = 0;
            }

            ClearExpiredBackoff(now);
            var scores = SnapshotScores();
            var batch = new ControlBatch();
            foreach (var (topic, mesh) in _mesh)
            {
                MaintainMesh(topic, mesh, scores, batch);
                EmitGossip(topic, mesh, scores, batch);
            }

            MaintainFanout(now, scores, batch);
            batch.SendAll(_transport);
            _mcache.Shift();
            _seen.Prune(now);
        }
    }
}
