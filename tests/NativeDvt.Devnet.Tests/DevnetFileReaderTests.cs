using NativeDvt.Consensus.Config;
using NativeDvt.Tests;

namespace NativeDvt.Devnet.Tests;

[Trait("Category", "Unit")]
public sealed class DevnetFileReaderTests
{
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "devnets"), "*.yaml").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Load_ShippedDevnetFile_Parses(string name)
    {
        var spec = DevnetFileReader.Load(Path.Combine(RepositoryPaths.Root, "devnets", name));

        Assert.True(spec.GroupCount > 0);
        Assert.All(spec.Groups, g => Assert.Equal(g.N, g.Members.Count));
    }

    [Fact]
    public void Parse_Mixed64_HasSixtyFourGroupsOfEachSize()
    {
        var spec = DevnetFileReader.Load(Path.Combine(RepositoryPaths.Root, "devnets", "mixed-64.yaml"));

        Assert.Equal(64, spec.GroupCount);
        Assert.Equal(16 + 48 + 64 + 56 + 128, spec.IdentityCount);
        Assert.Equal(SchemeName.InsecureFast, spec.Scheme);
        Assert.Equal(11, spec.TemplateOf(63).M);
        Assert.Equal(1, spec.TemplateOf(0).N);
    }

    [Fact]
    public void Parse_Faults_ReadsProfilesNetworkAndFaults()
    {
        var spec = DevnetFileReader.Load(Path.Combine(RepositoryPaths.Root, "devnets", "faults.yaml"));

        Assert.Equal(AccountingPolicy.Component, spec.Accounting);
        Assert.Equal(new MemberProfile(ProfileKind.Late, TimeSpan.FromMilliseconds(700)), spec.Groups[0].Members[2]);
        Assert.Equal(ProfileKind.Offline, spec.Groups[0].Members[3].Kind);
        Assert.Equal(new MemberProfile(ProfileKind.BugInvalidStateRoot, TimeSpan.Zero) { TriggerSlot = 20 }, spec.Groups[1].Members[0]);
        Assert.Equal("bug-invalid-state-root from slot 20", spec.Groups[1].Members[0].ToString());
        Assert.Equal(LatencyKind.LogNormal, spec.Network.Latency.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(250), spec.Network.Latency.B);
        Assert.True(spec.Network.LateProposers[0].Groups.ContainsGroup(3));
        Assert.Equal([FaultKind.Crash, FaultKind.Restart, FaultKind.Partition, FaultKind.Heal], spec.Faults.Select(f => f.Kind));
        var partition = spec.Faults[2];
        Assert.True(partition.Targets[0].Contains(7, 0));
        Assert.True(partition.Targets[1].Contains(12, 0));
        Assert.False(partition.Targets[0].Contains(4, 1));
    }

    [Fact]
    public void Parse_Views_IsReadAndDefaultsToNone()
    {
        Assert.Equal(16, DevnetFileReader.Parse("network:\n  views: 16\ngroups:\n  - { n: 3, m: 2 }\n").Network.Views);
        Assert.Null(DevnetFileReader.Parse("groups:\n  - { n: 3, m: 2 }\n").Network.Views);
    }

    [Fact]
    public void Parse_Defaults_AreBlsWholeLeaderFollow()
    {
        var spec = DevnetFileReader.Parse("groups:\n  - { n: 1, m: 1 }\n");

        Assert.Equal(SchemeName.Bls, spec.Scheme);
        Assert.Equal(AccountingPolicy.Whole, spec.Accounting);
        Assert.Equal(ProposalPolicy.LeaderFollow, spec.ProposalPolicy);
        Assert.Equal("devnet", spec.Preset);
        Assert.Null(spec.SlotDuration);
        Assert.Equal(NetworkSpec.Default, spec.Network);
        Assert.Null(spec.InclusionListCommitteeSize);
        Assert.Equal(MempoolSpec.Default, spec.Mempool);
    }

    [Fact]
    public void Parse_InclusionListsMempoolAndCensor_AreRead()
    {
        var spec = DevnetFileReader.Parse(
            "ilCommitteeSize: 8\nmempool: { transactions: 4, transactionBytes: 300, visibility: 0.5 }\ngroups:\n  - { n: 3, m: 2, members: [censor, honest, honest] }\n");

        Assert.Equal(8, spec.InclusionListCommitteeSize);
        Assert.Equal(new MempoolSpec(4, 300, 0.5), spec.Mempool);
        Assert.Equal(ProfileKind.Censor, spec.Groups[0].Members[0].Kind);
        Assert.Equal("censor", spec.Groups[0].Members[0].ToString());
    }

    [Fact]
    public void Parse_RotateFault_ReadsTheMembersWhoseKeysRotate()
    {
        var spec = DevnetFileReader.Parse("groups:\n  - { count: 2, n: 4, m: 3 }\nfaults:\n  - { slot: 9, rotate: g1/m2 }\n");

        var fault = Assert.Single(spec.Faults);
        Assert.Equal((9UL, FaultKind.Rotate), (fault.Slot, fault.Kind));
        Assert.True(fault.Targets[0].Contains(1, 2));
        Assert.False(fault.Targets[0].Contains(1, 1));
    }

    [Theory]
    [InlineData("groups:\n  - { n: 4, m: 5 }\n", 2, "groups[0].m", "out of range (1 to 4)")]
    [InlineData("groups:\n  - { n: 17, m: 1 }\n", 2, "groups[0].n", "out of range (1 to 16)")]
    [InlineData("groups:\n  - { n: 4, m: 2 }\n", 2, "groups[0].m", "allowUnsafeThreshold")]
    [InlineData("groups:\n  - { n: 3, m: 2 }\nslotTme: 2s\n", 3, "slotTme", "unknown field 'slotTme'")]
    [InlineData("scheme: rsa\ngroups:\n  - { n: 1, m: 1 }\n", 1, "scheme", "'rsa' is not one of: bls, ed25519, xmss, insecure-fast")]
    [InlineData("groups:\n  - n: 3\n    m: 2\n    members: [honest, lazy, honest]\n", 4, "groups[0].members[1]", "'lazy' is not a profile")]
    [InlineData("groups:\n  - n: 3\n    m: 2\n    members: [honest, honest]\n", 4, "groups[0].members", "lists 2 member profiles but the group has n = 3")]
    [InlineData("groups:\n  - n: 3\n    m: 2\n    members: [honest, late, honest]\n", 4, "groups[0].members[1]", "late needs its delay")]
    [InlineData("groups:\n  - n: 1\n    m: 1\n    members: [bug-invalid-state-root at 5]\n", 4, "groups[0].members[0]", "takes an optional trigger: bug-invalid-state-root from slot 24")]
    [InlineData("groups:\n  - n: 1\n    m: 1\n    members: [bug-wrong-head-after-reorg from slot 5]\n", 4, "groups[0].members[0]", "takes no argument")]
    [InlineData("groups:\n  - { n: 4, m: 3, balanceEth: 64 }\n", 2, "groups[0].balanceEth", "at least 128 ETH")]
    [InlineData("slotTime: fast\ngroups:\n  - { n: 1, m: 1 }\n", 1, "slotTime", "not a duration")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nfaults:\n  - { slot: 3, crash: g1 }\n", 4, "faults[0].crash", "names group 1 but the devnet has groups 0 to 0")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nfaults:\n  - { slot: 3, crash: x1 }\n", 4, "faults[0].crash", "is not a selector")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nfaults:\n  - { slot: 3 }\n", 4, "faults[0]", "exactly one of")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nfaults:\n  - { slot: 3, rotate: g2/m0 }\n", 4, "faults[0].rotate", "names group 2 but the devnet has groups 0 to 0")]
    [InlineData("groups:\n  - { count: 2, n: 1, m: 1 }\nfaults:\n  - slot: 3\n    partition: [g0-1, g1]\n", 5, "faults[0].partition[1]", "must not overlap")]
    [InlineData("network:\n  loss: 2\ngroups:\n  - { n: 1, m: 1 }\n", 2, "network.loss", "probability")]
    [InlineData("network:\n  views: 2\ngroups:\n  - { n: 3, m: 2 }\n", 2, "network.views", "2 views cannot hold a group of 3 members")]
    [InlineData("network:\n  views: 0\ngroups:\n  - { n: 1, m: 1 }\n", 2, "network.views", "out of range")]
    [InlineData("groups: [\n", 2, "(yaml)", "")]
    [InlineData("ilCommitteeSize: -1\ngroups:\n  - { n: 1, m: 1 }\n", 1, "ilCommitteeSize", "out of range (0 to 1024)")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nmempool:\n  transactions: 3\n  txBytes: 9\n", 5, "mempool.txBytes", "unknown field 'txBytes'")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nmempool: { transactionBytes: 0 }\n", 3, "mempool.transactionBytes", "out of range (1 to 65536)")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nmempool: { visibility: 1.5 }\n", 3, "mempool.visibility", "probability")]
    [InlineData("groups:\n  - { n: 1, m: 1 }\nmempool: 12\n", 3, "mempool", "expected a mapping")]
    [InlineData("groups:\n  - n: 2\n    m: 2\n    members: [censor 5, honest]\n", 4, "groups[0].members[0]", "censor takes no argument")]
    [InlineData("groups: []\n", 1, "groups", "at least one group")]
    public void Parse_BadFile_NamesLineAndField(string yaml, int line, string field, string problem)
    {
        var error = Assert.Throws<DevnetFileException>(() => DevnetFileReader.Parse(yaml, "bad.yaml"));

        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsafeThresholdAllowed_IsAcceptedAndMarked()
    {
        var spec = DevnetFileReader.Parse("allowUnsafeThreshold: true\ngroups:\n  - { n: 4, m: 2 }\n");

        Assert.True(spec.AllowUnsafeThreshold);
        Assert.True(spec.Groups[0].IsUnsafeThreshold);
    }
}
