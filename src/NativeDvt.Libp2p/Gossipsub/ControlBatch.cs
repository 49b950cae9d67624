namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Control messages collected during a heartbeat, sent as one RPC per peer.</summary>
internal sealed class ControlBatch
{
    private readonly Dictionary<string, (List<ControlGraft> Graft, List<ControlPrune> Prune, List<ControlIHave> IHave)> _byPeer = new(StringComparer.Ordinal);

    public void Graft(string peer, string topic) => For(peer).Graft.Add(new ControlGraft(topic));

    public void Prune(string peer, ControlPrune prune) => For(peer).Prune.Add(prune);

    public void IHave(string peer, ControlIHave ihave) => For(peer).IHave.Add(ihave);

    public void SendAll(IGossipsubTransport transport)
    {
        foreach (var (peer, (graft, prune, ihave)) in _byPeer)
        {
            transport.Send(peer, new Rpc { Control = new ControlMessage { Graft = graft, Prune = prune, IHave = ihave } });
        }

        _byPeer.Clear();
    }

    private (List<ControlGraft> Graft, List<ControlPrune> Prune, List<ControlIHave> IHave) For(string peer)
    {
        if (!_byPeer.TryGetValue(peer, out var entry))
        {
            entry = ([], [], []);
            _byPeer[peer] = entry;
        }

        return entry;
    }
}
