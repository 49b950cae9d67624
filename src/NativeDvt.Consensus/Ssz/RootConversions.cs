using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Ssz;

/// <summary>Conversions between the consensus <see cref="Root"/> and the SSZ library's <see cref="Bytes32"/> (same 32 bytes).</summary>
public static class RootConversions
{
    /// <summary>The same bytes as an SSZ chunk.</summary>
    public static Bytes32 ToBytes32(this Root root)
    {
        Span<byte> bytes = stackalloc byte[32];
        root.CopyTo(bytes);
        return new Bytes32(bytes);
    }

    /// <summary>The same bytes as a consensus root.</summary>
    public static Root ToRoot(this Bytes32 chunk)
    {
        Span<byte> bytes = stackalloc byte[32];
        chunk.CopyTo(bytes);
        return new Root(bytes);
    }
}
