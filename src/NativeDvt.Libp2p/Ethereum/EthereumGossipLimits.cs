namespace NativeDvt.Libp2p.Ethereum;

/// <summary>
/// Size limits of Ethereum consensus gossip (consensus-specs p2p-interface: GOSSIP_MAX_SIZE of Deneb,
/// called MAX_PAYLOAD_SIZE from Electra on, and the derived compressed and RPC-level limits).
/// </summary>
public static class EthereumGossipLimits
{
    /// <summary>GOSSIP_MAX_SIZE: the largest uncompressed (SSZ) payload, 10 MiB.</summary>
    public const int GossipMaxSize = 10 * 1024 * 1024;

    /// <summary>max_compressed_len(n) = 32 + n + n / 6: the worst-case snappy block size for n input bytes.</summary>
    public static int MaxCompressedLength(int uncompressedLength) => 32 + uncompressedLength + (uncompressedLength / 6);

    /// <summary>max_message_size(): the largest pubsub RPC frame a node accepts.</summary>
    public static int MaxMessageSize => Math.Max(MaxCompressedLength(GossipMaxSize) + 1024, 1024 * 1024);
}
