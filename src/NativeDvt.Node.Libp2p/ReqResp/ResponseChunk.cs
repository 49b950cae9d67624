namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>One response chunk: its result code and its SSZ payload (an ErrorMessage unless the code is Success).</summary>
public sealed record ResponseChunk(ResponseCode Code, byte[] Payload);
