using System.Runtime.CompilerServices;

namespace NativeDvt.Ssz;

/// <summary>One pending left sibling per tree level; 65 levels cover a 2^64-chunk tree.</summary>
[InlineArray(65)]
internal struct MerkleStack
{
    private Bytes32 _element;
}
