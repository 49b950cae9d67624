using NativeDvt.Node.Signing;
using NativeDvt.Node.Tests.Protocol;

namespace NativeDvt.Node.Tests.Signing;

[Trait("Category", "Unit")]
public sealed class SigningJournalTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Publish_NoDurableStore_LeavesAtOnce()
    {
        var journal = new SigningJournal();
        var network = new RecordingNetwork();

        Assert.True(journal.TryLoad("k", out _));
        journal.Write("k", [1]);
        journal.Publish(network, "t", [2]);

        Assert.Single(network.Published);
        Assert.False(journal.HasPending);
    }

    [Fact]
    public async Task Publish_BehindASlowWrite_WaitsUntilTheWriteIsDurable()
    {
        var inner = new InMemorySigningRecordStore();
        var store = new GatedRecordStore(inner);
        var journal = new SigningJournal(store);
        var network = new RecordingNetwork();
        Assert.True(journal.TryLoad("k", out _));

        journal.Publish(network, "before", [0]);
        journal.Write("k", [1]);
        journal.Publish(network, "after", [2]);
        journal.Write("k", [3]);
        journal.Publish(network, "last", [4]);

        Assert.Equal(["before"], network.Published.Select(p => p.Topic));
        Assert.True(journal.HasPending);
        Assert.Equal(2, journal.HeldMessages);
        var flush = journal.FlushAsync(Token).AsTask();
        await Task.Delay(20, Token);
        Assert.False(flush.IsCompleted);
        Assert.Single(network.Published);

        store.Open();
        await flush;

        Assert.Equal(["before", "after", "last"], network.Published.Select(p => p.Topic));
        Assert.Equal(2, store.WritesDone);
        Assert.False(journal.HasPending);
        var stored = await inner.ReadAsync("k", Token);
        Assert.Equal([3], stored!.Value);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Flush_WriteFails_DropsHeldMessagesAndHaltsOnce()
    {
        var store = new GatedRecordStore(new InMemorySigningRecordStore()) { FailWith = new IOException("disk gone") };
        var journal = new SigningJournal(store);
        var halts = new List<string>();
        journal.Halted += halts.Add;
        var network = new RecordingNetwork();
        Assert.True(journal.TryLoad("k", out _));

        journal.Write("k", [1]);
        journal.Publish(network, "signed", [2]);
        store.Open();
        await journal.FlushAsync(Token);
        journal.Publish(network, "later", [3]);

        Assert.Empty(network.Published);
        Assert.Equal(2, journal.DroppedMessages);
        var reason = Assert.Single(halts);
        Assert.Contains("disk gone", reason, StringComparison.Ordinal);
        Assert.Equal(reason, journal.HaltReason);
    }

    [Fact]
    public async Task Write_AnotherWriterMovedTheVersion_Halts()
    {
        var inner = new InMemorySigningRecordStore();
        var journal = new SigningJournal(inner);
        Assert.True(journal.TryLoad("k", out _));
        Assert.True(await inner.TryWriteAsync("k", [9], 0, Token));

        journal.Write("k", [1]);

        Assert.Contains("another writer", journal.HaltReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryLoad_SlowRead_IsFalseUntilFlushCompletesIt()
    {
        var inner = new InMemorySigningRecordStore();
        Assert.True(await inner.TryWriteAsync("k", [7], 0, Token));
        var store = new GatedRecordStore(inner, gateReads: true);
        var journal = new SigningJournal(store);

        Assert.False(journal.TryLoad("k", out _));
        Assert.True(journal.HasPending);
        store.Open();
        await journal.FlushAsync(Token);

        Assert.True(journal.TryLoad("k", out var value));
        Assert.Equal([7], value);
        journal.Write("k", [8]);
        Assert.Null(journal.HaltReason);
        Assert.Equal(2, (await inner.ReadAsync("k", Token))!.Version);
    }
}
