using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Consensus.Tests.SlashingProtection;

[Trait("Category", "Unit")]
public sealed class SlashingProtectorTests
{
    private static readonly Root Network = Root.FromHex("0x" + new string('1', 64));
    private static readonly byte[] Bls = Enumerable.Repeat((byte)0xa5, 48).ToArray();
    private static readonly byte[] OtherScheme = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly Root RootA = Root.FromHex("0x" + new string('a', 64));
    private static readonly Root RootB = Root.FromHex("0x" + new string('b', 64));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckBlock_SecondBlockSameSlot_RefusedButIdenticalRootAllowed()
    {
        var protector = new SlashingProtector(new InMemorySlashingProtectionStore(), Network);
        Assert.True((await protector.CheckAndRecordBlockAsync(Bls, new Slot(10), RootA, Token)).IsAllowed);
        var repeat = await protector.CheckAndRecordBlockAsync(Bls, new Slot(10), RootA, Token);
        Assert.True(repeat.IsAllowed && repeat.IsRepeat);
        Assert.Equal(SlashingRefusal.DoubleProposal, (await protector.CheckAndRecordBlockAsync(Bls, new Slot(10), RootB, Token)).Refusal);
        Assert.True((await protector.CheckAndRecordBlockAsync(Bls, new Slot(11), RootB, Token)).IsAllowed);
    }

    [Fact]
    public async Task CheckAttestation_DoubleVoteAndSurroundsForAnyKeyLength_Refused()
    {
        var protector = new SlashingProtector(new InMemorySlashingProtectionStore(), Network);
        Assert.True((await protector.CheckAndRecordAttestationAsync(OtherScheme, new Epoch(3), new Epoch(6), RootA, Token)).IsAllowed);
        Assert.Equal(SlashingRefusal.DoubleVote, (await protector.CheckAndRecordAttestationAsync(OtherScheme, new Epoch(3), new Epoch(6), RootB, Token)).Refusal);
        Assert.Equal(SlashingRefusal.SurroundsExisting, (await protector.CheckAndRecordAttestationAsync(OtherScheme, new Epoch(2), new Epoch(7), RootB, Token)).Refusal);
        Assert.Equal(SlashingRefusal.SurroundedByExisting, (await protector.CheckAndRecordAttestationAsync(OtherScheme, new Epoch(4), new Epoch(5), RootB, Token)).Refusal);
        Assert.Equal(SlashingRefusal.SourceAfterTarget, (await protector.CheckAndRecordAttestationAsync(OtherScheme, new Epoch(9), new Epoch(8), RootB, Token)).Refusal);
        Assert.True((await protector.CheckAndRecordAttestationAsync(OtherScheme, new Epoch(6), new Epoch(7), RootB, Token)).IsAllowed);
    }

    [Fact]
    public async Task ExportThenImport_FreshStore_SameRefusals()
    {
        var source = new SlashingProtector(new InMemorySlashingProtectionStore(), Network);
        await source.CheckAndRecordBlockAsync(Bls, new Slot(20), RootA, Token);
        await source.CheckAndRecordAttestationAsync(Bls, new Epoch(4), new Epoch(5), RootA, Token);
        var json = await source.ExportAsync(Token);

        var destination = new SlashingProtector(new InMemorySlashingProtectionStore(), Network);
        await destination.ImportAsync(json, Token);
        Assert.True((await destination.CheckAndRecordBlockAsync(Bls, new Slot(20), RootA, Token)).IsRepeat);
        Assert.Equal(SlashingRefusal.BlockBelowLowWatermark, (await destination.CheckAndRecordBlockAsync(Bls, new Slot(19), RootB, Token)).Refusal);
        Assert.Equal(SlashingRefusal.DoubleVote, (await destination.CheckAndRecordAttestationAsync(Bls, new Epoch(4), new Epoch(5), RootB, Token)).Refusal);
        Assert.Equal(json, await destination.ExportAsync(Token));
    }

    [Fact]
    public async Task Import_OtherNetwork_ThrowsAndImportsNothing()
    {
        var other = new SlashingProtector(new InMemorySlashingProtectionStore(), Root.FromHex("0x" + new string('2', 64)));
        await other.CheckAndRecordBlockAsync(Bls, new Slot(20), RootA, Token);
        var store = new InMemorySlashingProtectionStore();
        var protector = new SlashingProtector(store, Network);
        await Assert.ThrowsAsync<InterchangeException>(async () => await protector.ImportAsync(await other.ExportAsync(Token), Token));
        Assert.Equal(0, (await store.LoadAsync(Bls, Token)).Version);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"metadata":{"interchange_format_version":"4","genesis_validators_root":"0x1111111111111111111111111111111111111111111111111111111111111111"},"data":[]}""")]
    [InlineData("""{"metadata":{"interchange_format_version":"5","genesis_validators_root":"0x1111111111111111111111111111111111111111111111111111111111111111"},"data":[{"pubkey":"0x01","signed_blocks":[{"slot":"-1"}],"signed_attestations":[]}]}""")]
    [InlineData("""{"metadata":{"interchange_format_version":"5","genesis_validators_root":"0x1111111111111111111111111111111111111111111111111111111111111111"},"data":[{"pubkey":"0x01","signed_blocks":[{"slot":1}],"signed_attestations":[]}]}""")]
    public async Task Import_MalformedDocument_ThrowsInterchangeException(string json)
    {
        var protector = new SlashingProtector(new InMemorySlashingProtectionStore(), Network);
        await Assert.ThrowsAsync<InterchangeException>(async () => await protector.ImportAsync(json, Token));
    }
}
