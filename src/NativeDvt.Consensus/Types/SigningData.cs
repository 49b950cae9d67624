using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>SigningData { object_root, domain }: its hash_tree_root is what members sign.</summary>
[SszContainer]
public sealed partial record SigningData(Root ObjectRoot, Root Domain);
