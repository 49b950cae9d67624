using System.Collections.Concurrent;
using System.Security.Cryptography;
using NativeDvt.Crypto;

namespace NativeDvt.Node.Sharing;

/// <summary>
/// Verifies each distinct (public keys, message, signature) once per process. Real nodes each
/// verify every signature; here dozens (a silo) or thousands (the simulator) of nodes share a
/// process, so the verdict of the first is reused by the rest. No caller ever waits for another:
/// callers that ask for one new triple at once each verify it (the same verdict) and the first stored
/// is kept, since a blocked thread would starve a host's scheduler (an Orleans silo runs grains on a
/// few threads). Bounded: when full, the older half is forgotten.
/// </summary>
public sealed class VerificationCache
{
    private readonly ISignatureScheme _scheme;
    private readonly int _capacity;
    private ConcurrentDictionary<CacheKey, bool> _current = new();
    private ConcurrentDictionary<CacheKey, bool> _previous = new();
    private long _hits;
    private long _misses;
    private int _added;
    private int _trimming;

    /// <summary>A cache in front of <paramref name="scheme"/> holding about <paramref name="capacity"/> verdicts.</summary>
    public VerificationCache(ISignatureScheme scheme, int capacity = 1 << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _scheme = scheme;
        _capacity = capacity;
    }

    /// <summary>The scheme whose verdicts are cached.</summary>
    public ISignatureScheme Scheme => _scheme;

    /// <summary>Verdicts answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Verdicts computed.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Verify through the cache.</summary>
    public bool Verify(byte[] publicKey, byte[] message, byte[] signature) =>
        Lookup(CacheKey.Of(_scheme.Name, [publicKey], message, signature), () => _scheme.Verify(publicKey, message, signature));

    /// <summary>
    /// Verifies a group signature through the cache: one aggregate over many keys for an
    /// aggregatable scheme, else one signature per key, all of the same message.
    /// </summary>
    public bool VerifyGroup(IReadOnlyList<byte[]> publicKeys, byte[] message, IReadOnlyList<byte[]> signatures)
    {
        if (_scheme is IAggregatableScheme aggregatable && signatures.Count == 1 && publicKeys.Count > 1)
        {
            return Lookup(
                CacheKey.Of(_scheme.Name, publicKeys, message, signatures[0]),
                () => aggregatable.FastAggregateVerify(publicKeys, message, signatures[0]));
        }

        if (publicKeys.Count != signatures.Count || publicKeys.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < publicKeys.Count; i++)
        {
            if (!Verify(publicKeys[i], message, signatures[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Verifies many single signatures; those not cached are checked together by batch
    /// verification when the scheme has it, one by one only when the batch fails, to find which.
    /// </summary>
    public bool[] VerifyAll(IReadOnlyList<SignatureSet> sets)
    {
        var verdicts = new bool[sets.Count];
        var keys = new CacheKey[sets.Count];
        var unknown = new List<int>();
        for (var i = 0; i < sets.Count; i++)
        {
            keys[i] = CacheKey.Of(_scheme.Name, [sets[i].PublicKey], sets[i].Message, sets[i].Signature);
            if (TryGet(keys[i], out var known))
            {
                Interlocked.Increment(ref _hits);
                verdicts[i] = known;
            }
            else
            {
                unknown.Add(i);
            }
        }

        if (unknown.Count > 1 && _scheme is IAggregatableScheme aggregatable && aggregatable.BatchVerify(unknown.Select(i => sets[i]).ToList()))
        {
            Interlocked.Add(ref _misses, unknown.Count);
            foreach (var i in unknown)
            {
                Store(keys[i], true);
                verdicts[i] = true;
            }

            return verdicts;
        }

        foreach (var i in unknown)
        {
            var set = sets[i];
            verdicts[i] = Lookup(keys[i], () => _scheme.Verify(set.PublicKey, set.Message, set.Signature));
        }

        return verdicts;
    }

    private bool Lookup(CacheKey key, Func<bool> verify)
    {
        if (TryGet(key, out var known))
        {
            Interlocked.Increment(ref _hits);
            return known;
        }

        Interlocked.Increment(ref _misses);
        var verdict = verify();
        Store(key, verdict);
        return verdict;
    }

    private bool TryGet(CacheKey key, out bool verdict)
    {
        return Volatile.Read(ref _current).TryGetValue(key, out verdict) || Volatile.Read(ref _previous).TryGetValue(key, out verdict);
    }

    private void Store(CacheKey key, bool verdict)
    {
        // A verdict is a pure function of the key: a caller that verified the same triple at the same time
        // stored the same value, so losing the race changes nothing.
        if (Volatile.Read(ref _current).TryAdd(key, verdict))
        {
            Interlocked.Increment(ref _added);
            Trim();
        }
    }

    private void Trim()
    {
        // Two generations: when the current one fills, it becomes the previous and the old previous
        // is dropped, so lookups stay O(1) and memory stays within about twice the capacity. Entries added are
        // counted apart: ConcurrentDictionary.Count takes every lock of the table. One caller swaps; the others
        // go on rather than wait for it (a verdict stored meanwhile into the outgoing generation is still found there).
        if (Volatile.Read(ref _added) < _capacity / 2 || Interlocked.CompareExchange(ref _trimming, 1, 0) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _added) >= _capacity / 2)
        {
            Volatile.Write(ref _previous, Volatile.Read(ref _current));
            Volatile.Write(ref _current, new ConcurrentDictionary<CacheKey, bool>());
            Volatile.Write(ref _added, 0);
        }

        Volatile.Write(ref _trimming, 0);
    }

    private readonly record struct CacheKey(UInt128 High, UInt128 Low)
    {
        public static CacheKey Of(string scheme, IReadOnlyList<byte[]> publicKeys, byte[] message, byte[] signature)
        {
            // One SHA-256 call over the length-prefixed parts (no two different triples hash the same bytes): an
            // incremental hash object per lookup cost more than the insecure scheme's whole verification.
            var length = 4 + System.Text.Encoding.UTF8.GetByteCount(scheme) + 4 + message.Length + 4 + signature.Length;
            foreach (var key in publicKeys)
            {
                length += 4 + key.Length;
            }

            var rented = length > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
            Span<byte> input = rented ?? stackalloc byte[1024];
            var at = Append(input, 0, System.Text.Encoding.UTF8.GetBytes(scheme));
            foreach (var key in publicKeys)
            {
                at = Append(input, at, key);
            }

            at = Append(input, at, message);
            at = Append(input, at, signature);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(input[..at], digest);
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }

            return new CacheKey(
                System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest[16..]));
        }

        private static int Append(Span<byte> input, int at, ReadOnlySpan<byte> part)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(input[at..], part.Length);
            part.CopyTo(input[(at + 4)..]);
            return at + 4 + part.Length;
        }
    }
}
