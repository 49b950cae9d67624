using System.Buffers.Binary;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// The 32-byte hash address ADRS of RFC 8391 section 2.5: eight big-endian 32-bit words
/// (layer, tree as two words, type, then three type-specific words and keyAndMask). This scalar form
/// serves the hash-tree steps of verification; the eight-lane hashes lay out OTS, L-tree and
/// hash-tree addresses word-sliced (<see cref="SlicedBlocks.Address"/>).
/// </summary>
internal struct XmssAddress
{
    /// <summary>Length of an encoded address.</summary>
    public const int Length = 32;

    /// <summary>The ADRS type of an L-tree address.</summary>
    public const uint LTreeType = 1;

    /// <summary>The ADRS type of a hash-tree address.</summary>
    public const uint HashTreeType = 2;

    private uint _type;
    private uint _word5;
    private uint _word6;

    /// <summary>keyAndMask: 0 selects the key, 1 and 2 the bitmasks of a PRF call.</summary>
    public uint KeyAndMask { get; set; }

    /// <summary>Tree height of a hash-tree address.</summary>
    public uint TreeHeight
    {
        readonly get => _word5;
        set => _word5 = value;
    }

    /// <summary>Tree index of a hash-tree address.</summary>
    public uint TreeIndex
    {
        readonly get => _word6;
        set => _word6 = value;
    }

    /// <summary>A hash-tree address (the main Merkle tree; layer and tree are 0 in single-tree XMSS).</summary>
    public static XmssAddress HashTree() => new() { _type = HashTreeType };

    /// <summary>Writes the 32-byte encoding.</summary>
    public readonly void WriteTo(Span<byte> destination)
    {
        // Words 0-2 (layer, tree) are always zero in single-tree XMSS.
        destination[..12].Clear();
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], _type);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], _word5);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], _word6);
        BinaryPrimitives.WriteUInt32BigEndian(destination[28..], KeyAndMask);
    }
}
