using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Consensus.Tests.SlashingProtection;

/// <summary>
/// What every <see cref="ISlashingProtectionStore"/> must do, as tests a durable store (e.g. on Azure
/// storage) inherits by subclassing: compare-and-swap per key, version 0 for unknown keys, listing,
/// protection across a reopen, and exactly one winner among concurrent conflicting requests.
/// </summary>
public abstract class SlashingProtectionStoreContract
{
    private static readonly Root Network = Root.FromHex("0x" + new string('1', 64));
    private static readonly Root RootA = Root.FromHex("0x" + new string('a', 64));
    private static readonly Root RootB = Root.FromHex("0x" + new string('b', 64));
    private static readonly byte[] Key = Enumerable.Repeat((byte)0x42, 48).ToArray();

    /// <summary>
    /// Opens the store under test. Every call must reach the same storage: for a durable store a fresh
    /// instance over it (a restart), for an in-memory store the same instance.
    /// </summary>
    protected abstract ISlashingProtectionStore OpenStore();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_UnknownKey_IsEmptyAtVersionZero()
    {
        var history = await OpenStore().LoadAsync([9, 9, 9], Token);
        Assert.Equal(0, history.Version);
        Assert.Empty(history.Blocks);
        Assert.Empty(history.Attestations);
    }

    [Fact]
    public async Task TryReplace_StaleVersion_ChangesNothing()
    {
        var store = OpenStore();
        var history = ValidatorHistory.Empty with { Blocks = [new SignedBlockRecord(new Slot(1), RootA)] };
        Assert.True(await store.TryReplaceAsync(Key, history, 0, Token));
        Assert.False(await store.TryReplaceAsync(Key, ValidatorHistory.Empty, 0, Token));
        var loaded = await OpenStore().LoadAsync(Key, Token);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(history.Blocks, loaded.Blocks);
    }

    [Fact]
    public async Task ListPubkeys_AfterWrites_ListsEveryKey()
    {
        var store = OpenStore();
        byte[] other = [1, 2, 3];
        Assert.True(await store.TryReplaceAsync(Key, ValidatorHistory.Empty, 0, Token));
        Assert.True(await store.TryReplaceAsync(other, ValidatorHistory.Empty, 0, Token));
        var keys = new List<string>();
        await foreach (var key in OpenStore().ListPubkeysAsync(Token))
        {
            keys.Add(Convert.ToHexString(key));
        }

        Assert.Contains(Convert.ToHexString(Key), keys);
        Assert.Contains(Convert.ToHexString(other), keys);
    }

    [Fact]
    public async Task Restart_NewProtectorOverReopenedStore_KeepsProtection()
    {
        var before = new SlashingProtector(OpenStore(), Network);
        Assert.True((await before.CheckAndRecordBlockAsync(Key, new Slot(5), RootA, Token)).IsAllowed);
        Assert.True((await before.CheckAndRecordAttestationAsync(Key, new Epoch(1), new Epoch(2), RootA, Token)).IsAllowed);

        var after = new SlashingProtector(OpenStore(), Network);
        Assert.Equal(SlashingRefusal.DoubleProposal, (await after.CheckAndRecordBlockAsync(Key, new Slot(5), RootB, Token)).Refusal);
        Assert.Equal(SlashingRefusal.DoubleVote, (await after.CheckAndRecordAttestationAsync(Key, new Epoch(1), new Epoch(2), RootB, Token)).Refusal);
        Assert.True((await after.CheckAndRecordBlockAsync(Key, new Slot(5), RootA, Token)).IsRepeat);
    }

    [Fact]
    public async Task CheckAndRecord_ConcurrentConflictingBlocks_ExactlyOneAllowed()
    {
        var protectors = Enumerable.Range(0, 4).Select(_ => new SlashingProtector(OpenStore(), Network)).ToArray();
        var attempts = Enumerable.Range(0, 32).Select(i =>
        {
            var root = Root.FromHex("0x" + i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 62));
            var protector = protectors[i % protectors.Length];
            return Task.Run(() => protector.CheckAndRecordBlockAsync(Key, new Slot(7), root, Token).AsTask(), Token);
        });
        var decisions = await Task.WhenAll(attempts);
        Assert.Equal(1, decisions.Count(d => d.IsAllowed));
    }
}
