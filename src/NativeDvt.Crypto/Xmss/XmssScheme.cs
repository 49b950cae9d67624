using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// XMSS (RFC 8391) with SHA-256, n = 32, w = 16, by default h = 10: a stateful hash-based scheme
/// whose key signs at most 2^h messages, each with its own one-time WOTS+ key.
/// </summary>
/// <remarks>
/// <para>
/// A secret key is 96 bytes: SK_SEED || SK_PRF || PUB_SEED. It carries no index. The scheme finds a
/// key's state in its <see cref="IXmssStateStore"/> under <see cref="KeyIdOf"/> of the public key, so
/// the index survives a new scheme instance over the same store. <see cref="Sign"/> reserves the next
/// index and writes the reservation to the store before it computes the signature: if the write
/// throws, Sign throws and no signature exists, and a crash after the write merely skips an index.
/// Reservations are serialised per store object, so several scheme instances may share one store;
/// a store's data must not be shared by two store objects (<see cref="FileXmssStateStore"/>
/// enforces this with a lock on its folder).
/// </para>
/// <para>
/// The first use of a secret key builds and caches its whole tree (all 2^h WOTS+ keys); later
/// signatures cost one WOTS+ signature. Signatures do not aggregate.
/// </para>
/// </remarks>
public sealed class XmssScheme : IStatefulScheme
{
    private readonly IXmssStateStore _stateStore;
    private readonly ConcurrentDictionary<string, Lazy<XmssKey>> _keys = new(StringComparer.Ordinal);
    // Reservation gates and burned indices belong to the store, not to one scheme instance, so two
    // instances over the same store object in one process can never hand out the same index.
    private static readonly ConditionalWeakTable<IXmssStateStore, ConcurrentDictionary<string, Reservations>> ReservationsByStore = new();

    private readonly ConcurrentDictionary<string, Reservations> _reservations;

    /// <summary>XMSS-SHA2_10_256 over <paramref name="stateStore"/>.</summary>
    public XmssScheme(IXmssStateStore stateStore)
        : this(stateStore, XmssParameters.Sha2_10_256)
    {
    }

    /// <summary>The given parameter set over <paramref name="stateStore"/>.</summary>
    public XmssScheme(IXmssStateStore stateStore, XmssParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stateStore);
        ArgumentNullException.ThrowIfNull(parameters);
        _stateStore = stateStore;
        _reservations = ReservationsByStore.GetValue(stateStore, _ => new ConcurrentDictionary<string, Reservations>(StringComparer.Ordinal));
        Parameters = parameters;
    }

    /// <inheritdoc />
    public string Name => "xmss";

    /// <summary>The parameter set.</summary>
    public XmssParameters Parameters { get; }

    /// <summary>The name under which the state store files a key: lowercase hex of SHA-256(public key).</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey));

    /// <inheritdoc />
    public byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey) => KeyOf(secretKey).PublicKey.ToArray();

    /// <inheritdoc />
    public int RemainingSignatures(ReadOnlySpan<byte> secretKey)
    {
        var key = KeyOf(secretKey);
        var reservations = _reservations.GetOrAdd(key.KeyId, _ => new Reservations());
        lock (reservations.Gate)
        {
            var next = Math.Max(_stateStore.ReadNextIndex(key.KeyId), reservations.BurnedBelow);
            return Math.Max(0, Parameters.MaxSignatures - next);
        }
    }

    /// <inheritdoc />
    /// <exception cref="XmssKeyExhaustedException">Every one-time key is used.</exception>
    public byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message)
    {
        var key = KeyOf(secretKey);
        var index = Reserve(key);
        return key.Sign((uint)index, message);
    }

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        XmssVerifier.Verify(Parameters, publicKey, message, signature);

    private int Reserve(XmssKey key)
    {
        var reservations = _reservations.GetOrAdd(key.KeyId, _ => new Reservations());
        lock (reservations.Gate)
        {
            var next = Math.Max(_stateStore.ReadNextIndex(key.KeyId), reservations.BurnedBelow);
            if (next >= Parameters.MaxSignatures)
            {
                throw new XmssKeyExhaustedException(
                    $"XMSS key {key.KeyId} has used all {Parameters.MaxSignatures} one-time keys ({Parameters.Name}); it cannot sign again and must be rotated");
            }

            // Burned before the write: a write that fails after reaching the disk still never
            // lets this process hand the same index out twice.
            reservations.BurnedBelow = next + 1;
            _stateStore.WriteNextIndex(key.KeyId, next + 1);
            return next;
        }
    }

    private XmssKey KeyOf(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != XmssParameters.SecretKeyLength)
        {
            throw new ArgumentException(
                $"an XMSS secret key is {XmssParameters.SecretKeyLength} bytes (SK_SEED || SK_PRF || PUB_SEED), got {secretKey.Length}", nameof(secretKey));
        }

        var cacheKey = Convert.ToHexString(SHA256.HashData(secretKey));
        var copy = secretKey.ToArray();
        var parameters = Parameters;
        var key = _keys.GetOrAdd(cacheKey, _ => new Lazy<XmssKey>(() => XmssKey.Expand(parameters, copy))).Value;
        CryptographicOperations.ZeroMemory(copy);
        return key;
    }

    private sealed class Reservations
    {
        public Lock Gate { get; } = new();

        public int BurnedBelow { get; set; }
    }
}
