using NativeDvt.Devnet;
using NativeDvt.Node.Profiles;
using NativeDvt.Shared;

namespace NativeDvt.Simulation.Tests;

[Trait("Category", "Unit")]
public sealed class DevnetToNodeTests
{
    [Theory]
    [InlineData(ProfileKind.Honest, ClientProfileKind.Honest)]
    [InlineData(ProfileKind.Late, ClientProfileKind.Honest)]
    [InlineData(ProfileKind.Offline, ClientProfileKind.Honest)]
    [InlineData(ProfileKind.Equivocator, ClientProfileKind.Equivocator)]
    [InlineData(ProfileKind.BugInvalidStateRoot, ClientProfileKind.BugInvalidStateRoot)]
    [InlineData(ProfileKind.BugWrongHeadAfterReorg, ClientProfileKind.BugWrongHeadAfterReorg)]
    [InlineData(ProfileKind.Censor, ClientProfileKind.Censor)]
    public void ToClientProfile_EachKind_IsTheNodesBehaviour(ProfileKind kind, ClientProfileKind expected) =>
        Assert.Equal(expected, new MemberProfile(kind, TimeSpan.FromMilliseconds(900)).ToClientProfile().Kind);

    [Fact]
    public void FileProfileKinds_AreTheSevenListedAbove() =>
        Assert.Equal(7, Enum.GetValues<ProfileKind>().Length);

    [Fact]
    public void ToClientProfile_BugTrigger_IsCarried() =>
        Assert.Equal(24UL, (new MemberProfile(ProfileKind.BugInvalidStateRoot, TimeSpan.Zero) { TriggerSlot = 24 }).ToClientProfile().TriggerSlot);

    [Fact]
    public void ToMempoolOptions_KeepsEverySetting() =>
        Assert.Equal(new Node.Mempool.MempoolOptions(3, 64, 0.5), new MempoolSpec(3, 64, 0.5).ToMempoolOptions());
}
