using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>Statefulness on small test trees (h = 2..4), so exhaustion and restarts cost milliseconds.</summary>
[Trait("Category", "Unit")]
public sealed class XmssSchemeStateTests : IDisposable
{
    private static readonly XmssParameters Small = XmssParameters.ForTests(4);
    private static readonly byte[] Message = "attestation data root"u8.ToArray();

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ndvt-xmss-state-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Sign_EveryIndexOfSmallTree_VerifiesAndNeverRepeats()
    {
        var scheme = new XmssScheme(new InMemoryXmssStateStore(), Small);
        var secretKey = XmssTestSupport.SecretKey(3);
        var publicKey = scheme.DerivePublicKey(secretKey);

        var indices = new List<int>();
        for (var i = 0; i < Small.MaxSignatures; i++)
        {
            var message = BitConverter.GetBytes(i);
            var signature = scheme.Sign(secretKey, message);
            Assert.True(scheme.Verify(publicKey, message, signature), $"signature {i}");
            indices.Add(XmssTestSupport.IndexOf(signature));
        }

        Assert.Equal(Enumerable.Range(0, Small.MaxSignatures), indices);
        Assert.Equal(0, scheme.RemainingSignatures(secretKey));
    }

    [Fact]
    public void Sign_ExhaustedKey_ThrowsXmssKeyExhaustedException()
    {
        var parameters = XmssParameters.ForTests(2);
        var scheme = new XmssScheme(new InMemoryXmssStateStore(), parameters);
        var secretKey = XmssTestSupport.SecretKey(4);
        for (var i = 0; i < parameters.MaxSignatures; i++)
        {
            scheme.Sign(secretKey, Message);
        }

        var error = Assert.Throws<XmssKeyExhaustedException>(() => scheme.Sign(secretKey, Message));
        Assert.Contains("all 4 one-time keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_StoreRecordsEveryIndexUsed_ThrowsXmssKeyExhaustedException()
    {
        var store = new InMemoryXmssStateStore();
        var scheme = new XmssScheme(store, XmssParameters.ForTests(3));
        var secretKey = XmssTestSupport.SecretKey(5);
        store.WriteNextIndex(XmssScheme.KeyIdOf(scheme.DerivePublicKey(secretKey)), 8);

        Assert.Throws<XmssKeyExhaustedException>(() => scheme.Sign(secretKey, Message));
    }

    [Fact]
    public void Sign_NewSchemeOverSameFileStore_ContinuesAfterLastIndex()
    {
        var secretKey = XmssTestSupport.SecretKey(6);
        var before = new XmssScheme(new FileXmssStateStore(_directory), Small);
        var used = Enumerable.Range(0, 3).Select(_ => XmssTestSupport.IndexOf(before.Sign(secretKey, Message))).ToList();

        // A restart: nothing survives but the folder.
        var after = new XmssScheme(new FileXmssStateStore(_directory), Small);
        var signature = after.Sign(secretKey, Message);

        Assert.Equal([0, 1, 2], used);
        Assert.Equal(3, XmssTestSupport.IndexOf(signature));
        Assert.True(after.Verify(after.DerivePublicKey(secretKey), Message, signature));
    }

    [Fact]
    public void Sign_StoreWriteThrows_ThrowsAndReturnsNoSignature()
    {
        var store = new ThrowingXmssStateStore(new InMemoryXmssStateStore());
        var scheme = new XmssScheme(store, Small);
        var secretKey = XmssTestSupport.SecretKey(7);
        var first = scheme.Sign(secretKey, Message);

        store.FailWrites = true;
        byte[]? leaked = null;
        Assert.Throws<IOException>(() => leaked = scheme.Sign(secretKey, Message));
        Assert.Null(leaked);

        store.FailWrites = false;
        var next = scheme.Sign(secretKey, Message);
        Assert.Equal(0, XmssTestSupport.IndexOf(first));
        Assert.Equal(2, XmssTestSupport.IndexOf(next));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sign_AfterFailedWriteAndRestart_NeverReusesASignedIndex(bool writeReachedStore)
    {
        var inner = new FileXmssStateStore(_directory);
        var store = new ThrowingXmssStateStore(inner) { PersistBeforeFailing = writeReachedStore };
        var secretKey = XmssTestSupport.SecretKey(8);
        var scheme = new XmssScheme(store, Small);
        var signed = new HashSet<int> { XmssTestSupport.IndexOf(scheme.Sign(secretKey, Message)) };

        store.FailWrites = true;
        Assert.Throws<IOException>(() => scheme.Sign(secretKey, Message));

        var restarted = new XmssScheme(new FileXmssStateStore(_directory), Small);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(signed.Add(XmssTestSupport.IndexOf(restarted.Sign(secretKey, Message))), "an index was signed twice");
        }
    }

    [Fact]
    public void Sign_ConcurrentCallers_GetDistinctIndices()
    {
        var scheme = new XmssScheme(new InMemoryXmssStateStore(), Small);
        var secretKey = XmssTestSupport.SecretKey(10);
        var indices = new int[Small.MaxSignatures];
        Parallel.For(0, indices.Length, i => indices[i] = XmssTestSupport.IndexOf(scheme.Sign(secretKey, Message)));

        Assert.Equal(Enumerable.Range(0, Small.MaxSignatures), indices.Order());
    }

    [Fact]
    public void Verify_SignatureUnderOtherSmallKey_ReturnsFalse()
    {
        var scheme = new XmssScheme(new InMemoryXmssStateStore(), Small);
        var signature = scheme.Sign(XmssTestSupport.SecretKey(11), Message);
        var otherPublicKey = scheme.DerivePublicKey(XmssTestSupport.SecretKey(12));

        Assert.False(scheme.Verify(otherPublicKey, Message, signature));
    }

    [Fact]
    public void Sign_WrongSecretKeyLength_ThrowsArgumentException()
    {
        var scheme = new XmssScheme(new InMemoryXmssStateStore(), Small);
        Assert.Throws<ArgumentException>(() => scheme.Sign(new byte[32], Message));
    }
}
