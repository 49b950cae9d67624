using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Tests.Protocol;

/// <summary>Counts events by name.</summary>
internal sealed class CountingEvents : INodeEventSink
{
    public Dictionary<string, int> Counts { get; } = [];

    public List<string> Details { get; } = [];

    public void BlockProposed(MemberId node, Slot slot, int rank, Root blockRoot, TimeSpan at) => Add(nameof(BlockProposed), $"rank {rank}");

    public void FollowSigned(MemberId node, Slot slot, Root blockRoot, TimeSpan at) => Add(nameof(FollowSigned), "");

    public void BlockAssembled(MemberId node, Slot slot, Root blockRoot, int signers, TimeSpan thresholdAt, TimeSpan at) => Add(nameof(BlockAssembled), $"{signers}");

    public void BlockImported(MemberId node, Slot slot, Root blockRoot, TimeSpan at) => Add(nameof(BlockImported), "");

    public void BlockRejected(MemberId node, Slot slot, Root blockRoot, string reason, TimeSpan at) => Add(nameof(BlockRejected), reason);

    public void Attested(MemberId node, AttestationData data, TimeSpan at) => Add(nameof(Attested), "");

    public void SplitVote(MemberId aggregator, Slot slot, int distinctData, int signers, int largestAgreement, TimeSpan at) => Add(nameof(SplitVote), "");

    public void SigningRefused(MemberId node, string what, string detail, TimeSpan at) => Add(nameof(SigningRefused), detail);

    public void KeyRotationIncluded(MemberId node, MemberId member, Epoch epoch, Slot slot, TimeSpan at) => Add(nameof(KeyRotationIncluded), $"{member} from epoch {epoch.Value}");

    public void KeyRotationStarted(MemberId node, int remaining, Epoch epoch, TimeSpan at) => Add(nameof(KeyRotationStarted), $"{remaining} left at epoch {epoch.Value}");

    public void SigningHalted(MemberId node, string reason, TimeSpan at) => Add(nameof(SigningHalted), reason);

    public void MemberEquivocation(MemberId observer, MemberId equivocator, string kind, Slot slot, TimeSpan at) => Add(nameof(MemberEquivocation), kind);

    public void GroupSlashingBuilt(MemberId node, GroupSlashingEvidence evidence, TimeSpan at) => Add(nameof(GroupSlashingBuilt), evidence.Kind);

    public void GroupSlashingIncluded(MemberId node, GroupIndex group, Slot slot, TimeSpan at) => Add(nameof(GroupSlashingIncluded), "");

    public void Finalized(MemberId node, Epoch epoch, Root root, TimeSpan at) => Add(nameof(Finalized), "");

    public void InclusionListProposed(MemberId node, Slot slot, int rank, Root listRoot, int transactions, TimeSpan at) => Add(nameof(InclusionListProposed), $"rank {rank}");

    public void InclusionListFollowSigned(MemberId node, Slot slot, Root listRoot, TimeSpan at) => Add(nameof(InclusionListFollowSigned), "");

    public void InclusionListAssembled(MemberId node, Slot slot, Root listRoot, int signers, TimeSpan at) => Add(nameof(InclusionListAssembled), $"{signers}");

    public void InclusionListImported(MemberId node, Slot slot, GroupIndex group, Root listRoot, bool inTime, TimeSpan at) => Add(nameof(InclusionListImported), inTime ? "in time" : "late");

    public void InclusionListMissed(MemberId node, Slot slot, GroupIndex group, string reason, TimeSpan at) => Add(nameof(InclusionListMissed), reason);

    public void BlockFailedInclusionCheck(MemberId node, Slot slot, Root blockRoot, int missing, TimeSpan at) => Add(nameof(BlockFailedInclusionCheck), $"{missing}");

    public int this[string name] => Counts.GetValueOrDefault(name);

    private void Add(string name, string detail)
    {
        Counts[name] = Counts.GetValueOrDefault(name) + 1;
        Details.Add($"{name}: {detail}");
    }
}
