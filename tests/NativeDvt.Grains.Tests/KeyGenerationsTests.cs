using NativeDvt.Consensus.Primitives;
using NativeDvt.Crypto.Ed25519;
using NativeDvt.Crypto.Xmss;
using NativeDvt.Devnet.Setup;
using NativeDvt.Grains.Identities;
using NativeDvt.Node.Events;
using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Tests;

[Trait("Category", "Unit")]
public sealed class KeyGenerationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadAsync_AfterTheNodeWasHandedANextKey_StartsWithItAndHoldsTheOneBefore()
    {
        var store = new InMemorySigningRecordStore();
        var scheme = new XmssScheme(new InMemoryXmssStateStore());
        var journal = new SigningJournal(store);
        var first = await KeyGenerations.LoadAsync("g1-m2", scheme, 7, 1, 2, journal, Ct);
        Assert.Equal(DevnetSetup.SecretKey(scheme, 7, 1, 2, 0), first.Current);
        Assert.Empty(first.Held);

        var next = first.Next!(new MemberId(new GroupIndex(1), 2), 1);
        await journal.FlushAsync(Ct);
        var restarted = await KeyGenerations.LoadAsync("g1-m2", scheme, 7, 1, 2, new SigningJournal(store), Ct);

        Assert.Equal(DevnetSetup.SecretKey(scheme, 7, 1, 2, 1), next);
        Assert.Equal(next, restarted.Current);
        Assert.Equal(first.Current, Assert.Single(restarted.Held));
        Assert.Equal(DevnetSetup.SecretKey(scheme, 7, 1, 2, 2), restarted.Next!(new MemberId(new GroupIndex(1), 2), 1));
    }

    [Fact]
    public async Task LoadAsync_StatelessScheme_OneKeyAndNoRotationOfItsOwn()
    {
        var scheme = new Ed25519Scheme();

        var keys = await KeyGenerations.LoadAsync("g0-m0", scheme, 1, 0, 0, new SigningJournal(new InMemorySigningRecordStore()), Ct);

        Assert.Null(keys.Next);
        Assert.Empty(keys.Held);
        Assert.Empty(keys.OneTimeKeyRecords(scheme));
    }
}
