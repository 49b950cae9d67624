namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>A req/resp stream that breaks the encoding (bad varint, snappy frames, sizes) or a peer's error answer.</summary>
public sealed class ReqRespException : Exception
{
    public ReqRespException()
    {
    }

    public ReqRespException(string message)
        : base(message)
    {
    }

    public ReqRespException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
