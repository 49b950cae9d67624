namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>The multihash function codes this library knows (multicodec table).</summary>
public enum MultihashCode : ulong
{
    Identity = 0x00,
    Sha2_256 = 0x12,
}
