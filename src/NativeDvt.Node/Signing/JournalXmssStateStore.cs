using System.Buffers.Binary;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Node.Signing;

/// <summary>
/// The one-time-key indices of a stateful scheme kept through a node's <see cref="SigningJournal"/>: the scheme reserves
/// an index in memory, and the journal makes the reservation durable before the signature made with it leaves. A
/// crash before that loses the signature with the reservation, so an index is never used in two published signatures.
/// </summary>
/// <remarks>A key whose index is still being read cannot sign yet: <see cref="ReadNextIndex"/> throws, and the signer refuses.</remarks>
public sealed class JournalXmssStateStore(SigningJournal journal) : IXmssStateStore
{
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

    /// <summary>The store keys whose indices <paramref name="keyIds"/> use, for <see cref="SigningJournal.PreloadAsync"/>.</summary>
    public static IEnumerable<string> KeysOf(IEnumerable<string> keyIds) => keyIds.Select(RecordKeys.OneTimeKeyIndex);

    /// <inheritdoc />
    /// <exception cref="XmssStateException">The index is still being read, or its record is unreadable.</exception>
    public int ReadNextIndex(string keyId)
    {
        if (_next.TryGetValue(keyId, out var next))
        {
            return next;
        }

        var key = RecordKeys.OneTimeKeyIndex(keyId);
        if (!journal.TryLoad(key, out var bytes))
        {
            throw new XmssStateException($"the one-time-key index of XMSS key {keyId} is still being read");
        }

        if (bytes is not null && bytes.Length != sizeof(int))
        {
            journal.Halt($"signing record {key} is unreadable: {bytes.Length} bytes, expected {sizeof(int)}");
            throw new XmssStateException($"the one-time-key index of XMSS key {keyId} is unreadable");
        }

        next = bytes is null ? 0 : BinaryPrimitives.ReadInt32LittleEndian(bytes);
        _next[keyId] = next;
        return next;
    }

    /// <inheritdoc />
    public void WriteNextIndex(string keyId, int nextIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nextIndex);
        ReadNextIndex(keyId);
        _next[keyId] = nextIndex;
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, nextIndex);
        journal.Write(RecordKeys.OneTimeKeyIndex(keyId), bytes);
    }
}
