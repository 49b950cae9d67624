using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>A registration signed by every one of its n members: each member proves possession of its key.</summary>
[SszContainer]
public sealed partial record SignedRegistration(Registration Message, GroupSignature Signature);
