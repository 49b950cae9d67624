using System.Buffers.Binary;
using NativeDvt.Crypto;
using NativeDvt.Crypto.Xmss;
using NativeDvt.Devnet.Setup;
using NativeDvt.Node.Events;
using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// An identity's member keys across rotations: the automatic ones of a stateful scheme (a key running out of one-time keys
/// rotates to the next generation, <see cref="DevnetSetup.SecretKey(ISignatureScheme, ulong, int, int, int)"/>) and the
/// operator's (a <c>rotate</c> fault, any scheme). The newest generation handed to the node is a signing record, written
/// through the journal before the rotation's share leaves: a node that starts again (after a move to another silo) holds
/// that key and the one before it, and signs with whichever the chain has in force.
/// </summary>
public sealed class KeyGenerations
{
    private readonly Func<int, byte[]> _keyOf;
    private readonly SigningJournal _journal;
    private readonly string _record;
    private int _handed;

    private KeyGenerations(Func<int, byte[]> keyOf, SigningJournal journal, string record, int newest)
    {
        _keyOf = keyOf;
        _journal = journal;
        _record = record;
        _handed = newest;
        Current = keyOf(newest);
        Held = newest > 0 ? [keyOf(newest - 1)] : [];
    }

    /// <summary>The key of the newest generation handed out: the node starts with it.</summary>
    public byte[] Current { get; }

    /// <summary>The generation before it, which the chain may still have in force (its rotation not yet taken effect).</summary>
    public IReadOnlyList<byte[]> Held { get; }

    /// <summary>Every key the node holds.</summary>
    public IEnumerable<byte[]> All => Held.Prepend(Current);

    /// <summary>The node's source of its next key (<c>NodeOptions.NextStatefulKey</c>); null for a stateless scheme.</summary>
    public Func<MemberId, int, byte[]>? Next { get; private set; }

    /// <summary>
    /// The key of the next generation, recorded as handed out (for the operator's rotation). Call it on the node's loop,
    /// where <see cref="Next"/> runs too, so the two never hand out one generation twice.
    /// </summary>
    public byte[] HandNext() => Hand(_handed + 1);

    /// <summary>Reads identity <paramref name="identity"/>'s newest generation from its records.</summary>
    public static async Task<KeyGenerations> LoadAsync(
        string identity, ISignatureScheme scheme, ulong seed, ulong group, int member, SigningJournal journal, CancellationToken cancellationToken)
    {
        byte[] KeyOf(int generation) => DevnetSetup.SecretKey(scheme, seed, (int)group, member, generation);
        var record = RecordKeys.KeyGeneration(identity);
        await journal.PreloadAsync([record], cancellationToken).ConfigureAwait(false);
        var newest = journal.TryLoad(record, out var bytes) && bytes is { Length: sizeof(int) } ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : 0;
        var generations = new KeyGenerations(KeyOf, journal, record, newest);
        if (scheme is IStatefulScheme)
        {
            // One generation per rotation the node starts, after any the operator started.
            generations.Next = (_, _) => generations.HandNext();
        }

        return generations;
    }

    /// <summary>The store keys of the one-time-key indices of every key the node holds (XMSS), to read before it starts.</summary>
    public IEnumerable<string> OneTimeKeyRecords(ISignatureScheme scheme) =>
        scheme is XmssScheme ? JournalXmssStateStore.KeysOf(All.Select(k => XmssScheme.KeyIdOf(scheme.DerivePublicKey(k)))) : [];

    private byte[] Hand(int generation)
    {
        _handed = generation;
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, generation);
        _journal.Write(_record, bytes);
        return _keyOf(generation);
    }
}
