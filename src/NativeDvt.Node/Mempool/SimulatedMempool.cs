using System.Buffers.Binary;
using System.Security.Cryptography;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;

namespace NativeDvt.Node.Mempool;

/// <summary>
/// A deterministic mempool: the block of slot s has <see cref="MempoolOptions.Transactions"/> opaque transactions of
/// <see cref="MempoolOptions.TransactionBytes"/> bytes each, derived from the seed, s and the index; each identity sees
/// each of them with probability <see cref="MempoolOptions.Visibility"/>, also derived from the seed. Thread-safe.
/// </summary>
/// <remarks>
/// Transaction i of slot s = the first TransactionBytes bytes of SHA-256("ndvt-tx" || seed || s || i || k) for
/// k = 0, 1, ... Transactions do not carry over: those of slot s not included by the block of s are gone.
/// </remarks>
public sealed class SimulatedMempool(ulong seed, MempoolOptions options) : IMempool
{
    private const int CachedSlots = 8;
    private readonly Lock _gate = new();
    private readonly Dictionary<Slot, Bytes[]> _bySlot = [];

    /// <summary>A mempool without transactions.</summary>
    public static SimulatedMempool Empty { get; } = new(0, new MempoolOptions(0, 1, 1));

    /// <summary>The settings.</summary>
    public MempoolOptions Options { get; } = options;

    /// <inheritdoc/>
    public IReadOnlyList<Bytes> Pending(Slot blockSlot, MemberId viewer)
    {
        var all = All(blockSlot);
        if (Options.Visibility >= 1)
        {
            return all;
        }

        return [.. all.Where((_, i) => Sees(blockSlot, i, viewer))];
    }

    /// <summary>Every transaction of <paramref name="blockSlot"/>, whoever sees it.</summary>
    public IReadOnlyList<Bytes> All(Slot blockSlot)
    {
        lock (_gate)
        {
            if (_bySlot.TryGetValue(blockSlot, out var cached))
            {
                return cached;
            }
        }

        // Made outside the lock (up to 1024 x 64 KiB of hashing), so no caller waits on another's: callers racing on
        // one slot each make the same transactions, and all get the first stored.
        var made = Enumerable.Range(0, Options.Transactions).Select(i => Make(blockSlot, i)).ToArray();
        lock (_gate)
        {
            if (_bySlot.TryGetValue(blockSlot, out var first))
            {
                return first;
            }

            if (_bySlot.Count >= CachedSlots)
            {
                _bySlot.Remove(_bySlot.Keys.Min());
            }

            _bySlot[blockSlot] = made;
            return made;
        }
    }

    private Bytes Make(Slot slot, int index)
    {
        var result = new byte[Options.TransactionBytes];
        Span<byte> input = stackalloc byte[7 + 8 + 8 + 4 + 4];
        "ndvt-tx"u8.CopyTo(input);
        BinaryPrimitives.WriteUInt64LittleEndian(input[7..], seed);
        BinaryPrimitives.WriteUInt64LittleEndian(input[15..], slot.Value);
        BinaryPrimitives.WriteInt32LittleEndian(input[23..], index);
        Span<byte> block = stackalloc byte[32];
        for (var k = 0; k * 32 < result.Length; k++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(input[27..], k);
            SHA256.HashData(input, block);
            block[..Math.Min(32, result.Length - (k * 32))].CopyTo(result.AsSpan(k * 32));
        }

        return Bytes.Wrap(result);
    }

    private bool Sees(Slot slot, int index, MemberId viewer)
    {
        Span<byte> input = stackalloc byte[8 + 8 + 8 + 4 + 4 + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        BinaryPrimitives.WriteUInt64LittleEndian(input[8..], slot.Value);
        BinaryPrimitives.WriteUInt64LittleEndian(input[16..], viewer.Group.Value);
        BinaryPrimitives.WriteInt32LittleEndian(input[24..], viewer.Member);
        BinaryPrimitives.WriteInt32LittleEndian(input[28..], index);
        "seen"u8.CopyTo(input[32..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash) / (double)ulong.MaxValue < Options.Visibility;
    }
}
