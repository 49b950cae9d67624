using NativeDvt.Dashboard.Api;

namespace NativeDvt.Dashboard.Live;

/// <summary>One injected fault and what followed it: the fault ledger's entry.</summary>
/// <param name="Fault">The fault's entry in the event log.</param>
/// <param name="Groups">The groups it touched (those of its identities).</param>
/// <param name="EndedBy">The log entry that ended it (start, heal, delay off, profile reset), or null while it lasts.</param>
/// <param name="FromSlot">The slot it was applied in.</param>
/// <param name="ToSlot">The last slot its effects are counted in: two epochs past its end, or now.</param>
/// <param name="MissedDuties">Per touched group and settled epoch in the window, the flags it did not earn.</param>
/// <param name="MissedSlots">Slots in the window without a block (any proposer).</param>
/// <param name="SplitVotes">Slot-and-group pairs in the window whose members' votes split, among the touched groups.</param>
/// <param name="Slashings">Group slashings and member equivocations logged in the window.</param>
/// <param name="RewardLostGwei">What the touched groups' settled epochs in the window paid less than their maximum.</param>
/// <param name="PaidGwei">What the touched groups' settled epochs in the window paid in all: negative when penalties (a slashing's among them) outweighed rewards.</param>
/// <param name="RecoverySeconds">From its end to recovery (every stopped identity back on duty; else every touched group that is not slashed earning all flags again); null when not yet.</param>
/// <param name="Recovery">The recovery in words.</param>
public sealed record LedgerEntry(
    EventEntry Fault,
    ulong[] Groups,
    EventEntry? EndedBy,
    ulong FromSlot,
    ulong ToSlot,
    EpochMiss[] MissedDuties,
    int MissedSlots,
    int SplitVotes,
    EventEntry[] Slashings,
    long RewardLostGwei,
    long PaidGwei,
    double? RecoverySeconds,
    string Recovery);

/// <summary>A settled epoch in which a group did not earn every flag.</summary>
/// <param name="Group">The group.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Missed">The flags it missed: source, target, head.</param>
/// <param name="LostGwei">Its maximum reward less what it was paid.</param>
public sealed record EpochMiss(ulong Group, ulong Epoch, string[] Missed, long LostGwei);
