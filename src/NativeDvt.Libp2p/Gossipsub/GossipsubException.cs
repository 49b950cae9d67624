namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A gossipsub operation could not be carried out (e.g. publishing a message already seen).</summary>
public sealed class GossipsubException : Exception
{
    public GossipsubException()
    {
    }

    public GossipsubException(string message)
        : base(message)
    {
    }

    public GossipsubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
