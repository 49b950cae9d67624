using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.ForkChoice;

/// <summary>An (epoch, block root) checkpoint as fork choice sees it.</summary>
public readonly record struct ForkChoiceCheckpoint(Epoch Epoch, Root Root);
