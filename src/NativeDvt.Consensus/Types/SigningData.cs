using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>SigningData { object_root, domain }: its hash_tree_root is what members sign.</summary>
public sealed partial record SigningData(Root ObjectRoot, Root Domain);
