namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Score queries and the thresholds that gate what the router does with a peer.</summary>
public sealed partial class GossipsubRouter
{
    /// <summary>A peer's current v1.1 score.</summary>
    public double GetScore(string peer)
    {
        lock (_gate)
        {
            return Score(peer);
        }
    }

    /// <summary>True when the peer's score is below the graylist threshold: its RPCs are ignored.</summary>
    public bool IsGraylistedPeer(string peer)
    {
        lock (_gate)
        {
            return IsGraylisted(peer);
        }
    }

    private double Score(string peer) => _score.Score(peer, Now);

    private bool IsGraylisted(string peer) => Score(peer) < _options.ScoreThresholds.GraylistThreshold;

    private Dictionary<string, double> SnapshotScores()
    {
        var now = Now;
        var scores = new Dictionary<string, double>(_peers.Count, StringComparer.Ordinal);
        foreach (var peer in _peers.Keys)
        {
            scores[peer] = _score.Score(peer, now);
        }

        return scores;
    }
}
