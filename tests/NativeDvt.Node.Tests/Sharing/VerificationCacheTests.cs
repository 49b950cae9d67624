using NativeDvt.Crypto;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Node.Tests.Sharing;

[Trait("Category", "Unit")]
public sealed class VerificationCacheTests
{
    private static readonly byte[] Message = [1, 2, 3];
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static (byte[] PublicKey, byte[] Signature) Key(CountingScheme scheme, byte seed, byte[]? message = null)
    {
        byte[] secret = [seed, 7];
        return (scheme.DerivePublicKey(secret), scheme.Sign(secret, message ?? Message));
    }

    [Fact]
    public void Verify_SameTripleTwice_SchemeVerifiesOnce()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var (pk, sig) = Key(scheme, 1);

        Assert.True(cache.Verify(pk, Message, sig));
        Assert.True(cache.Verify(pk, Message, sig));

        Assert.Equal(1, scheme.Verifies);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public void Verify_WrongSignature_IsFalseAndCachedApart()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var (pk, sig) = Key(scheme, 1);
        var forged = (byte[])sig.Clone();
        forged[0] ^= 1;

        Assert.False(cache.Verify(pk, Message, forged));
        Assert.True(cache.Verify(pk, Message, sig));
        Assert.False(cache.Verify(pk, Message, forged));
        Assert.Equal(2, scheme.Verifies);
    }

    [Fact]
    public void Verify_ManyThreadsOnOneNewTriple_AllAgreeAndLaterCallsHit()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var (pk, sig) = Key(scheme, 1);

        var verdicts = new bool[32];
        Parallel.For(0, verdicts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => verdicts[i] = cache.Verify(pk, Message, sig));
        var racing = scheme.Verifies;

        Assert.All(verdicts, Assert.True);
        Assert.InRange(racing, 1, 8);
        Assert.True(cache.Verify(pk, Message, sig));
        Assert.Equal(racing, scheme.Verifies);
    }

    [Fact]
    public async Task Verify_TripleBeingVerifiedOnAnotherThread_IsVerifiedAgainWithoutWaiting()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var (pk, sig) = Key(scheme, 1);
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = 0;
        scheme.OnVerify = () =>
        {
            if (Interlocked.Exchange(ref first, 1) == 0)
            {
                entered.Set();
                release.Wait(Wait);
            }
        };

        var held = Task.Run(() => cache.Verify(pk, Message, sig), TestContext.Current.CancellationToken);
        Assert.True(entered.Wait(Wait, TestContext.Current.CancellationToken));
        var second = await Task.Run(() => cache.Verify(pk, Message, sig), TestContext.Current.CancellationToken).WaitAsync(Wait, TestContext.Current.CancellationToken);
        release.Set();

        Assert.True(second);
        Assert.True(await held.WaitAsync(Wait, TestContext.Current.CancellationToken));
        Assert.Equal(2, scheme.Verifies);
    }

    [Fact]
    public void VerifyAll_UnknownSets_OneBatchThenCached()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var sets = Enumerable.Range(0, 5).Select(i => Key(scheme, (byte)i)).Select(k => new SignatureSet(k.PublicKey, Message, k.Signature)).ToList();

        Assert.All(cache.VerifyAll(sets), Assert.True);
        Assert.All(cache.VerifyAll(sets), Assert.True);

        Assert.Equal(1, scheme.BatchVerifies);
        Assert.Equal(0, scheme.Verifies);
        Assert.Equal(5, cache.Hits);
    }

    [Fact]
    public void VerifyAll_OneBadSet_BatchFailsAndTheBadOneIsFound()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var sets = Enumerable.Range(0, 4).Select(i => Key(scheme, (byte)i)).Select(k => new SignatureSet(k.PublicKey, Message, k.Signature)).ToList();
        sets[2] = sets[2] with { Message = [9] };

        Assert.Equal([true, true, false, true], cache.VerifyAll(sets));
        Assert.Equal(4, scheme.Verifies);
    }

    [Fact]
    public void VerifyGroup_Aggregate_UsesFastAggregateVerifyOnce()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var keys = Enumerable.Range(0, 3).Select(i => Key(scheme, (byte)i)).ToList();
        var aggregate = scheme.Aggregate(keys.Select(k => k.Signature).ToList());
        var publicKeys = keys.Select(k => k.PublicKey).ToList();

        Assert.True(cache.VerifyGroup(publicKeys, Message, [aggregate]));
        Assert.True(cache.VerifyGroup(publicKeys, Message, [aggregate]));
        Assert.False(cache.VerifyGroup(publicKeys.Take(2).ToList(), Message, [aggregate]));

        Assert.Equal(2, scheme.FastAggregateVerifies);
    }

    [Fact]
    public void VerifyGroup_SignatureList_ChecksEachAndRejectsMismatchedCounts()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme);
        var keys = Enumerable.Range(0, 3).Select(i => Key(scheme, (byte)i)).ToList();
        var publicKeys = keys.Select(k => k.PublicKey).ToList();
        var signatures = keys.Select(k => k.Signature).ToList();

        Assert.True(cache.VerifyGroup(publicKeys, Message, signatures));
        Assert.False(cache.VerifyGroup(publicKeys, Message, signatures.Take(2).ToList()));
        Assert.False(cache.VerifyGroup(publicKeys, [4, 5], signatures));
    }

    [Fact]
    public void Verify_PastCapacity_StaysCorrectAndForgetsOldest()
    {
        var scheme = new CountingScheme();
        var cache = new VerificationCache(scheme, capacity: 8);
        var keys = Enumerable.Range(0, 20).Select(i => Key(scheme, (byte)i)).ToList();

        foreach (var (pk, sig) in keys)
        {
            Assert.True(cache.Verify(pk, Message, sig));
        }

        var before = scheme.Verifies;
        Assert.True(cache.Verify(keys[^1].PublicKey, Message, keys[^1].Signature));
        Assert.Equal(before, scheme.Verifies);
        Assert.True(cache.Verify(keys[0].PublicKey, Message, keys[0].Signature));
        Assert.Equal(before + 1, scheme.Verifies);
    }
}
