using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Crypto.Xmss;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Events;
using NativeDvt.Node.Signing;
using NativeDvt.Node.Tests.Protocol;

namespace NativeDvt.Node.Tests.Signing;

/// <summary>A node over a durable record store that answers late, fails, or outlives the node (a crash and restart).</summary>
[Trait("Category", "Unit")]
public sealed class DurableSigningTests
{
    private static readonly Root Network = Root.FromHex("0x" + new string('1', 64));
    private static readonly Root RootX = Root.FromHex("0x" + new string('a', 64));
    private static readonly Root RootY = Root.FromHex("0x" + new string('b', 64));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnTick_SlowStore_TheBlockLeavesOnlyOnceItsRecordIsDurable()
    {
        var store = new GatedRecordStore(new InMemorySigningRecordStore());
        var journal = new SigningJournal(store);
        var (node, network) = new NodeFixture(1, 1).NodeOf(0, journal: journal);

        node.OnTick(NodeFixture.Slot);

        Assert.Equal(1, store.WritesStarted);
        Assert.DoesNotContain(network.Published, p => p.Topic == node.Topics.BeaconBlock);
        Assert.True(journal.HasPending);

        store.Open();
        await node.FlushAsync(Token);

        Assert.Equal(1, store.WritesDone);
        Assert.Single(network.Published, p => p.Topic == node.Topics.BeaconBlock);
        Assert.False(journal.HasPending);
    }

    [Fact]
    public void OnTick_StoreFails_NothingIsPublishedAndTheNodeSaysSo()
    {
        var store = new GatedRecordStore(new InMemorySigningRecordStore()) { FailWith = new IOException("storage account unreachable") };
        store.Open();
        var events = new RecordingEvents();
        var (node, network) = new NodeFixture(1, 1).NodeOf(0, events, journal: new SigningJournal(store));

        node.OnTick(NodeFixture.Slot);
        node.OnTick(NodeFixture.Slot * 2);

        Assert.Empty(network.Published);
        Assert.Equal(1, events.Count<SigningHalted>());
        Assert.Contains("storage account unreachable", Assert.Single(events.Of<SigningHalted>()).Reason, StringComparison.Ordinal);
        Assert.Contains(events.Of<SigningRefused>(), e => e.Detail.StartsWith("signing halted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_AfterTheRecordBeforeThePublication_RefusesEveryConflictingSignature()
    {
        var records = new InMemorySigningRecordStore();
        var before = await Signer(records);
        var data = Vote(source: 1, target: 2);
        Assert.NotNull(before.SignBlock(new Slot(5), RootX).Signature);
        Assert.NotNull(before.SignAttestation(data, RootX).Signature);
        Assert.NotNull(before.SignInclusionList(new Slot(5), RootX).Signature);

        // The process dies here: the records are durable, the messages never left.
        var after = await Signer(records);

        Assert.Null(after.SignBlock(new Slot(5), RootY).Signature);
        Assert.NotNull(after.SignBlock(new Slot(5), RootX).Signature);
        Assert.Null(after.SignAttestation(data with { BeaconBlockRoot = RootY }, RootY).Signature);
        Assert.Null(after.SignAttestation(Vote(source: 0, target: 3), RootY).Signature);
        Assert.Null(after.SignInclusionList(new Slot(5), RootY).Signature);
        Assert.NotNull(after.SignInclusionList(new Slot(6), RootY).Signature);
    }

    [Fact]
    public async Task Restart_BeforeTheRecordIsDurable_TheSignatureNeverLeft()
    {
        var records = new InMemorySigningRecordStore();
        var journal = new SigningJournal(new GatedRecordStore(records));
        var before = new MemberSigner(new InsecureFastScheme(), new byte[32], journal, Network);
        await journal.PreloadAsync(before.RecordKeysToLoad, Token);
        var network = new RecordingNetwork();

        var (signature, _) = before.SignBlock(new Slot(5), RootX);
        journal.Publish(network, "beacon_block", signature!.ToArray());

        // The process dies with the write still under way: nothing was published, so signing another block is safe.
        Assert.Empty(network.Published);
        var after = await Signer(records);
        Assert.NotNull(after.SignBlock(new Slot(5), RootY).Signature);
    }

    [Fact]
    public async Task SignBlock_HistoryStillBeingRead_IsRefusedUntilFlushed()
    {
        var store = new GatedRecordStore(new InMemorySigningRecordStore(), gateReads: true);
        var journal = new SigningJournal(store);
        var signer = new MemberSigner(new InsecureFastScheme(), new byte[32], journal, Network);

        var (signature, refusal) = signer.SignBlock(new Slot(5), RootX);

        Assert.Null(signature);
        Assert.Contains("still being read", refusal, StringComparison.Ordinal);
        store.Open();
        await journal.FlushAsync(Token);
        Assert.NotNull(signer.SignBlock(new Slot(5), RootX).Signature);
    }

    [Fact]
    public async Task XmssIndex_RestartAfterDurableReservations_NeverReusesAnIndex()
    {
        var records = new InMemorySigningRecordStore();
        var secret = Enumerable.Range(0, XmssParameters.SecretKeyLength).Select(i => (byte)i).ToArray();

        var first = await XmssSigner(records, secret);
        var index0 = IndexOf(first.SignUnprotected(RootX).Signature!);
        var index1 = IndexOf(first.SignUnprotected(RootY).Signature!);
        var second = await XmssSigner(records, secret);
        var index2 = IndexOf(second.SignUnprotected(RootX).Signature!);

        Assert.Equal([0u, 1u, 2u], [index0, index1, index2]);
    }

    [Fact]
    public void XmssIndex_StillBeingRead_IsARefusalNotAnException()
    {
        var journal = new SigningJournal(new GatedRecordStore(new InMemorySigningRecordStore(), gateReads: true));
        var signer = new MemberSigner(new XmssScheme(new JournalXmssStateStore(journal)), new byte[XmssParameters.SecretKeyLength], journal, Network);

        var (signature, refusal) = signer.SignUnprotected(RootX);

        Assert.Null(signature);
        Assert.Contains("still being read", refusal, StringComparison.Ordinal);
    }

    private static async Task<MemberSigner> Signer(ISigningRecordStore records)
    {
        var journal = new SigningJournal(records);
        var signer = new MemberSigner(new InsecureFastScheme(), new byte[32], journal, Network);
        await journal.PreloadAsync(signer.RecordKeysToLoad, Token);
        return signer;
    }

    private static async Task<MemberSigner> XmssSigner(ISigningRecordStore records, byte[] secret)
    {
        var journal = new SigningJournal(records);
        var scheme = new XmssScheme(new JournalXmssStateStore(journal));
        var signer = new MemberSigner(scheme, secret, journal, Network);
        await journal.PreloadAsync([.. signer.RecordKeysToLoad, .. JournalXmssStateStore.KeysOf([XmssScheme.KeyIdOf(signer.PublicKey)])], Token);
        return signer;
    }

    // RFC 8391: an XMSS signature starts with its one-time-key index, 4 bytes big-endian.
    private static uint IndexOf(Bytes signature) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(signature.ToArray().AsSpan(0, 4));

    private static AttestationData Vote(ulong source, ulong target) =>
        new(new Slot(target * 8), CommitteeIndex.Zero, RootX, new Checkpoint(new Epoch(source), Root.Zero), new Checkpoint(new Epoch(target), RootX));
}
