namespace NativeDvt.Node.Libp2p;

/// <summary>What one topic carried for one node: publications and the node's verdicts on deliveries. Thread-safe.</summary>
public sealed class TopicCounters
{
    private long _published;
    private long _publishedBytes;
    private long _accepted;
    private long _rejected;
    private long _ignored;

    /// <summary>Messages the node published (SSZ bytes in <see cref="PublishedBytes"/>).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>SSZ bytes of the node's publications (before snappy).</summary>
    public long PublishedBytes => Interlocked.Read(ref _publishedBytes);

    /// <summary>Deliveries the node accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Deliveries the node rejected (the sender was penalised).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Deliveries the node ignored.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    internal void CountPublished(int bytes)
    {
        Interlocked.Increment(ref _published);
        Interlocked.Add(ref _publishedBytes, bytes);
    }

    internal void CountVerdict(Network.GossipVerdict verdict)
    {
        switch (verdict)
        {
            case Network.GossipVerdict.Accept:
                Interlocked.Increment(ref _accepted);
                break;
            case Network.GossipVerdict.Reject:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _ignored);
                break;
        }
    }
}
