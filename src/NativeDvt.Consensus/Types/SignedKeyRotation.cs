using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>A key rotation signed by at least m current members of its group.</summary>
[SszContainer]
public sealed partial record SignedKeyRotation(KeyRotation Message, GroupSignature Signature);
