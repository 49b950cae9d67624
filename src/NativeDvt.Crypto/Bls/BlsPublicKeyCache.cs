using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// Public keys already decompressed and checked (on the curve, in G1, not infinity), as a consensus client keeps its
/// registry's keys: decompressing and subgroup-checking a key costs about as much as a pairing on machines without AVX-512,
/// and a group's FastAggregateVerify would pay it once per member for every message. Only keys that pass KeyValidate
/// enter it, so a cached key answers exactly as a freshly decoded one. Safe for concurrent use; bounded (emptied when
/// full), since a devnet's registry is small and keys are public.
/// </summary>
public sealed class BlsPublicKeyCache
{
    private readonly ConcurrentDictionary<KeyBytes, AffinePoint<Fp>> _points = new();

    /// <summary>A cache that holds at most <paramref name="capacity"/> keys.</summary>
    public BlsPublicKeyCache(int capacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>How many keys it holds at most.</summary>
    public int Capacity { get; }

    /// <summary>How many keys it holds.</summary>
    public int Count => _points.Count;

    internal bool TryGet(ReadOnlySpan<byte> publicKey, out AffinePoint<Fp> point)
    {
        point = default;
        return publicKey.Length == G1.CompressedSize && _points.TryGetValue(KeyBytes.Of(publicKey), out point);
    }

    /// <summary>Adds a key that passed KeyValidate.</summary>
    internal void Add(ReadOnlySpan<byte> publicKey, in AffinePoint<Fp> point)
    {
        if (_points.Count >= Capacity)
        {
            _points.Clear();
        }

        _points[KeyBytes.Of(publicKey)] = point;
    }

    /// <summary>The 48 bytes of a compressed key as three 128-bit words: cheap to hash and compare.</summary>
    private readonly record struct KeyBytes(Int128 A, Int128 B, Int128 C)
    {
        public static KeyBytes Of(ReadOnlySpan<byte> bytes)
        {
            var words = MemoryMarshal.Cast<byte, Int128>(bytes[..G1.CompressedSize]);
            return new KeyBytes(words[0], words[1], words[2]);
        }
    }
}
