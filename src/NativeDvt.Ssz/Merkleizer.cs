namespace NativeDvt.Ssz;

/// <summary>
/// Streams chunks into a Merkle tree of a fixed limit, keeping one pending node per level, so any
/// number of chunks (field roots, element roots, packed bytes) is merkleized without allocation.
/// </summary>
public ref struct Merkleizer
{
    private MerkleStack _pending;
    private readonly int _depth;
    private ulong _count;

    /// <summary>A tree padded to <paramref name="limitChunks"/> leaves (rounded up to a power of two).</summary>
    public Merkleizer(ulong limitChunks)
    {
        _depth = Merkle.DepthFor(limitChunks);
    }

    /// <summary>The chunks appended so far.</summary>
    public readonly ulong Count => _count;

    /// <summary>Appends the next 32-byte chunk.</summary>
    public void Append(scoped ReadOnlySpan<byte> chunk) => Append(new Bytes32(chunk));

    /// <summary>Appends the next chunk.</summary>
    public void Append(in Bytes32 chunk)
    {
        if (_depth < Merkle.MaxDepth && _count >= 1UL << _depth)
        {
            throw new SszException($"more than 2^{_depth} chunks");
        }

        var current = chunk;
        var index = _count;
        var level = 0;
        while ((index & 1) == 1)
        {
            current = Merkle.Hash(_pending[level], current);
            index >>= 1;
            level++;
        }

        _pending[level] = current;
        _count++;
    }

    /// <summary>The root, with the missing leaves treated as zero chunks.</summary>
    public readonly Bytes32 Finish()
    {
        if (_count == 0)
        {
            return Merkle.ZeroHash(_depth);
        }

        if (_depth < Merkle.MaxDepth && _count == 1UL << _depth)
        {
            return _pending[_depth];
        }

        var haveNode = false;
        var node = default(Bytes32);
        for (var level = 0; level < _depth; level++)
        {
            if (((_count >> level) & 1) == 1)
            {
                node = Merkle.Hash(_pending[level], haveNode ? node : Merkle.ZeroHash(level));
                haveNode = true;
            }
            else if (haveNode)
            {
                node = Merkle.Hash(node, Merkle.ZeroHash(level));
            }
        }

        return node;
    }
}
