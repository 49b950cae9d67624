namespace NativeDvt.Cli.P2p;

/// <summary>Arguments of `ndvt p2p peer`.</summary>
public sealed record GossipPeerSettings(string Listen, string Topic, IReadOnlyList<string> Dial, bool Raw);
