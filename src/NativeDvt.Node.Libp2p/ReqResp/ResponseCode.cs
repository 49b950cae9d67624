namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>The result byte of a response chunk (consensus-specs phase0 p2p-interface, "Responding side").</summary>
public enum ResponseCode : byte
{
    /// <summary>The chunk carries a response payload.</summary>
    Success = 0,

    /// <summary>The request was malformed; the payload is an ErrorMessage.</summary>
    InvalidRequest = 1,

    /// <summary>The responder failed; the payload is an ErrorMessage.</summary>
    ServerError = 2,

    /// <summary>The responder does not have the resource; the payload is an ErrorMessage.</summary>
    ResourceUnavailable = 3,
}
