using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.AppHost.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class SignedMessageAuditTests
{
    private static readonly GossipTopics Topics = new(default, Root.Zero);

    [Fact]
    public void Record_SameVoteTwiceAndVotesOfOtherMembers_NoConflict()
    {
        var audit = new SignedMessageAudit(Preset.Devnet, Topics);

        audit.Record(Topics.MemberAttestation(0), Vote(0, 1, source: 0, target: 1, head: 1));
        audit.Record(Topics.MemberAttestation(0), Vote(0, 1, source: 0, target: 1, head: 1));
        audit.Record(Topics.MemberAttestation(0), Vote(0, 2, source: 0, target: 1, head: 2));
        audit.Record(Topics.MemberAttestation(0), Vote(0, 1, source: 1, target: 2, head: 3));

        Assert.Empty(audit.Conflicts);
        Assert.Equal(4, audit.Messages);
        Assert.Equal(16ul, audit.LastSigned[(0, 1)]);
    }

    [Fact]
    public void Record_TwoDataForOneTargetEpoch_IsADoubleVote()
    {
        var audit = new SignedMessageAudit(Preset.Devnet, Topics);

        audit.Record(Topics.MemberAttestation(3), Vote(3, 1, source: 0, target: 1, head: 1));
        audit.Record(Topics.MemberAttestation(3), Vote(3, 1, source: 0, target: 1, head: 2));

        Assert.Contains("g3/m1 double vote for target epoch 1", Assert.Single(audit.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_AVoteSurroundingAnEarlierOne_IsASurroundVote()
    {
        var audit = new SignedMessageAudit(Preset.Devnet, Topics);

        audit.Record(Topics.MemberAttestation(0), Vote(0, 0, source: 2, target: 3, head: 1));
        audit.Record(Topics.MemberAttestation(0), Vote(0, 0, source: 1, target: 4, head: 1));

        Assert.Contains("g0/m0 surround vote", Assert.Single(audit.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_FollowSignaturesForTwoBlocksOfOneSlot_IsADoubleBlockSignature()
    {
        var audit = new SignedMessageAudit(Preset.Devnet, Topics);

        audit.Record(Topics.FollowSignature, FollowSignature.Codec.Encode(new FollowSignature(new Slot(9), new GroupIndex(2), 3, RootOf(1), Signature)));
        audit.Record(Topics.FollowSignature, FollowSignature.Codec.Encode(new FollowSignature(new Slot(9), new GroupIndex(2), 3, RootOf(1), Signature)));
        audit.Record(Topics.FollowSignature, FollowSignature.Codec.Encode(new FollowSignature(new Slot(9), new GroupIndex(2), 3, RootOf(2), Signature)));

        Assert.Contains("g2/m3 signed two blocks for slot 9", Assert.Single(audit.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_TruncatedBytes_ThrowsSszException()
    {
        var audit = new SignedMessageAudit(Preset.Devnet, Topics);

        Assert.ThrowsAny<SszException>(() => audit.Record(Topics.MemberAttestation(0), [1, 2, 3]));
    }

    private static Bytes Signature { get; } = Bytes.Wrap(new byte[64]);

    private static byte[] Vote(ulong group, ulong member, ulong source, ulong target, byte head) =>
        MemberAttestation.Codec.Encode(new MemberAttestation(new GroupIndex(group), member,
            new AttestationData(new Slot(target * 8), new CommitteeIndex(0), RootOf(head), new Checkpoint(new Epoch(source), RootOf(0)), new Checkpoint(new Epoch(target), RootOf(head))), Signature));

    private static Root RootOf(byte value)
    {
        var bytes = new byte[32];
        bytes[0] = value;
        return new Root(bytes);
    }
}
