using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.Support;

/// <summary>A sample's encoding, its promised size, its hash_tree_root and the hash_tree_root of its decoding.</summary>
internal readonly record struct RootedSample(byte[] Bytes, int Size, Bytes32 Root, Bytes32 DecodedRoot);
