using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A complete inclusion list: the list with a group signature of at least m members (EIP-7805's
/// SignedInclusionList, where one validator's signature becomes the group's).
/// </summary>
[SszContainer]
public sealed partial record SignedInclusionList(InclusionList Message, GroupSignature Signature);
