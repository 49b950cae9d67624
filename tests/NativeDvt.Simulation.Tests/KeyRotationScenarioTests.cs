using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Node;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Simulation")]
public sealed class KeyRotationScenarioTests
{
    private const ulong Seed = 4;

    // A 4-of-4 group needs every member: if g0/m1's signatures stopped counting after its rotation, g0 would stop acting.
    private const string Rotation = """
        name: rotate
        scheme: insecure-fast
        groups:
          - { count: 2, n: 4, m: 4 }
          - { count: 6, n: 1, m: 1 }
        faults:
          - { slot: 4, rotate: g0/m1 }
        """;

    [Fact]
    public void Run_MemberRotatesItsKey_RotationIsIncludedAndTheNewKeyCountsFromItsEpoch()
    {
        var simulation = DevnetSimulation.Create(DevnetFileReader.Parse(Rotation), new SimulationOptions(Seed, 5));

        var report = simulation.Run();

        // Started at slot 4 (epoch 0): the new key counts from epoch 2; the other members co-signed it (m = 4).
        var rotation = Assert.Single(report.KeyRotations);
        Assert.Equal(("g0/m1", 2UL), (rotation.Member, rotation.Epoch));
        Assert.InRange(rotation.IncludedSlot, 5UL, 15UL);
        var g0 = report.ByGroup[0];
        Assert.Equal((g0.GroupEpochs, g0.ProposalDuties), (g0.Target, g0.Proposed));
        Assert.Empty(report.MissedProposals);

        var scheme = simulation.Scheme;
        var oldKey = DevnetSetup.SecretKey(scheme, Seed, 0, 1);
        var newKey = DevnetSetup.SecretKey(scheme, Seed, 0, 1, 1);
        var node = simulation.Nodes[8];
        var group = node.HeadBlock.PostState.Groups[new GroupIndex(0)];
        Assert.Equal(scheme.DerivePublicKey(oldKey), group.MemberPubkeyAt(1, new Epoch(1)).ToArray());
        Assert.Equal(scheme.DerivePublicKey(newKey), group.MemberPubkeyAt(1, new Epoch(2)).ToArray());

        // After the change the old key's signatures no longer count; the new key's do.
        Assert.Equal(GossipVerdict.Reject, node.OnGossip(node.Now, node.Topics.MemberAttestation(0), Vote(simulation, node, oldKey)));
        var other = simulation.Nodes[9];
        Assert.Equal(GossipVerdict.Accept, other.OnGossip(other.Now, other.Topics.MemberAttestation(0), Vote(simulation, other, newKey)));
    }

    [Fact]
    public void Run_RotationStartedTooLateToBeIncluded_KeyNeverChangesAndTheGroupKeepsActing()
    {
        // Started in the last epoch: its epoch lies beyond the run, so no block can carry a key it would put in force.
        var yaml = Rotation.Replace("slot: 4", "slot: 34", StringComparison.Ordinal);
        var report = DevnetSimulation.Create(DevnetFileReader.Parse(yaml), new SimulationOptions(Seed, 5)).Run();

        Assert.All(report.KeyRotations, r => Assert.Equal(6UL, r.Epoch));
        Assert.Equal(report.ByGroup[0].GroupEpochs, report.ByGroup[0].Target);
    }

    /// <summary>g0/m1's vote in the current epoch over data it never signed, signed with <paramref name="secretKey"/>.</summary>
    private static byte[] Vote(DevnetSimulation simulation, DvtNode node, byte[] secretKey)
    {
        var head = node.HeadBlock.PostState;
        var epoch = head.CurrentEpoch;
        var duty = GroupDuties.AttesterDuty(head, epoch, new GroupIndex(0))!.Value;
        var target = new Checkpoint(epoch, head.GetBlockRoot(epoch));
        var data = new AttestationData(duty.Slot, duty.Index, Root.Zero, head.CurrentJustifiedCheckpoint, target);
        var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(data), Domains.GetDomain(head.Fork, head.GenesisValidatorsRoot, Domains.BeaconAttester, epoch));
        var signature = Bytes.Wrap(simulation.Scheme.Sign(secretKey, signingRoot.ToArray()));
        return MemberAttestation.Codec.Encode(new MemberAttestation(new GroupIndex(0), 1, data, signature));
    }
}
