namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>Multistream-select protocol ids of gossipsub, preferred first.</summary>
public static class GossipsubProtocolIds
{
    public const string MeshsubV11 = "/meshsub/1.1.0";
    public const string MeshsubV10 = "/meshsub/1.0.0";

    /// <summary>The ids to offer or accept, newest first.</summary>
    public static IReadOnlyList<string> All { get; } = [MeshsubV11, MeshsubV10];

    /// <summary>Maps a negotiated id to its version, or null for an id this router does not speak.</summary>
    public static GossipsubProtocol? Parse(string protocolId) => protocolId switch
    {
        MeshsubV11 => GossipsubProtocol.V11,
        MeshsubV10 => GossipsubProtocol.V10,
        _ => null,
    };
}
