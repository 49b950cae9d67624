using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Consensus.Tests.SlashingProtection;

[Trait("Category", "Unit")]
public sealed class HistoryPruningTests
{
    private static readonly Root Network = Root.FromHex("0x" + new string('1', 64));
    private static readonly byte[] Key = Enumerable.Repeat((byte)0x42, 48).ToArray();
    private static readonly SlashingProtectionOptions Small = new() { MaxRecordsPerKind = 4 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blocks_BeyondLimit_PrunedButStillRefused()
    {
        var store = new InMemorySlashingProtectionStore();
        var protector = new SlashingProtector(store, Network, Small);
        for (var slot = 1UL; slot <= 10; slot++)
        {
            Assert.True((await protector.CheckAndRecordBlockAsync(Key, new Slot(slot), RootOf(slot), Token)).IsAllowed);
        }

        var history = await store.LoadAsync(Key, Token);
        Assert.True(history.Blocks.Count <= 4);
        Assert.NotNull(history.PrunedBlockSlot);
        Assert.Equal(SlashingRefusal.BlockBelowLowWatermark, (await protector.CheckAndRecordBlockAsync(Key, new Slot(3), RootOf(99), Token)).Refusal);
        Assert.Equal(SlashingRefusal.DoubleProposal, (await protector.CheckAndRecordBlockAsync(Key, new Slot(10), RootOf(99), Token)).Refusal);
        Assert.True((await protector.CheckAndRecordBlockAsync(Key, new Slot(11), RootOf(11), Token)).IsAllowed);
    }

    [Fact]
    public async Task Attestations_BeyondLimit_PrunedButDoubleAndSurroundStillRefused()
    {
        var store = new InMemorySlashingProtectionStore();
        var protector = new SlashingProtector(store, Network, Small);
        for (var epoch = 1UL; epoch <= 10; epoch++)
        {
            Assert.True((await protector.CheckAndRecordAttestationAsync(Key, new Epoch(epoch - 1), new Epoch(epoch), RootOf(epoch), Token)).IsAllowed);
        }

        Assert.True((await store.LoadAsync(Key, Token)).Attestations.Count <= 4);

        // Double vote on a pruned target, and a vote surrounding a pruned one (source 1 < 2, target 12 > 3).
        Assert.False((await protector.CheckAndRecordAttestationAsync(Key, new Epoch(1), new Epoch(2), RootOf(99), Token)).IsAllowed);
        Assert.False((await protector.CheckAndRecordAttestationAsync(Key, new Epoch(1), new Epoch(12), RootOf(98), Token)).IsAllowed);
        Assert.True((await protector.CheckAndRecordAttestationAsync(Key, new Epoch(10), new Epoch(11), RootOf(11), Token)).IsAllowed);
    }

    [Fact]
    public async Task Export_PrunedHistory_CarriesWatermarksToImporter()
    {
        var source = new SlashingProtector(new InMemorySlashingProtectionStore(), Network, Small);
        for (var slot = 1UL; slot <= 10; slot++)
        {
            await source.CheckAndRecordBlockAsync(Key, new Slot(slot), RootOf(slot), Token);
            await source.CheckAndRecordAttestationAsync(Key, new Epoch(slot - 1), new Epoch(slot), RootOf(slot), Token);
        }

        var destination = new SlashingProtector(new InMemorySlashingProtectionStore(), Network);
        await destination.ImportAsync(await source.ExportAsync(Token), Token);
        Assert.False((await destination.CheckAndRecordBlockAsync(Key, new Slot(4), RootOf(99), Token)).IsAllowed);
        Assert.False((await destination.CheckAndRecordAttestationAsync(Key, new Epoch(2), new Epoch(3), RootOf(99), Token)).IsAllowed);
        Assert.True((await destination.CheckAndRecordBlockAsync(Key, new Slot(11), RootOf(11), Token)).IsAllowed);
    }

    private static Root RootOf(ulong tag)
    {
        var bytes = new byte[Root.Length];
        bytes[0] = (byte)tag;
        bytes[1] = 0xee;
        return new Root(bytes);
    }
}
