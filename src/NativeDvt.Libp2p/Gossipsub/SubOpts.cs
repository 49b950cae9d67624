namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>A subscription change announced by a peer (<c>RPC.SubOpts</c>).</summary>
public sealed record SubOpts(bool Subscribe, string TopicId);
