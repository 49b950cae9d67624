using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Events;

/// <summary>Group-slashing evidence as a node built it: the two conflicting messages, each signed by at least m members.</summary>
/// <param name="Group">The group that signed both.</param>
/// <param name="Kind">double proposal or double vote.</param>
/// <param name="First">The message the node held first.</param>
/// <param name="Second">The conflicting one.</param>
public sealed record GroupSlashingEvidence(GroupIndex Group, string Kind, SlashingSide First, SlashingSide Second);

/// <summary>One of the two conflicting messages of a group slashing.</summary>
/// <param name="Slot">The block's slot, or the attestation data's slot.</param>
/// <param name="Root">The block root, or the attestation data root.</param>
/// <param name="Members">The members whose signatures it carries, in member order.</param>
public sealed record SlashingSide(Slot Slot, Root Root, IReadOnlyList<int> Members);
