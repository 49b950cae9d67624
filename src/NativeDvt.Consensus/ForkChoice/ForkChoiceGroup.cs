using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>A group's fork-choice weight (its effective balance in the justified state) and its n and m.</summary>
public sealed record ForkChoiceGroup(GroupIndex Index, int Size, int Threshold, Gwei Balance);
