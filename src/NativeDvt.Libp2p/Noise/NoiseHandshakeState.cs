namespace NativeDvt.Libp2p.Noise;

/// <summary>
/// Noise HandshakeState for 25519/ChaChaPoly/SHA256 over any pattern in <see cref="NoisePattern"/>
/// (Noise spec section 5.3). Ephemeral keys may be fixed for test vectors.
/// </summary>
internal sealed class NoiseHandshakeState : IDisposable
{
    private readonly NoisePattern _pattern;
    private readonly NoiseSymmetricState _symmetric;
    private readonly bool _initiator;
    private readonly X25519KeyPair? _static;
    private readonly Queue<byte[]> _psks;
    private X25519KeyPair? _ephemeral;
    private byte[]? _remoteStatic;
    private byte[]? _remoteEphemeral;
    private int _messageIndex;

    public NoiseHandshakeState(
        NoisePattern pattern,
        bool initiator,
        ReadOnlySpan<byte> prologue,
        X25519KeyPair? localStatic,
        X25519KeyPair? localEphemeral = null,
        byte[]? remoteStatic = null,
        IEnumerable<byte[]>? psks = null)
    {
        _pattern = pattern;
        _initiator = initiator;
        _static = localStatic;
        _ephemeral = localEphemeral;
        _remoteStatic = remoteStatic;
        _psks = new Queue<byte[]>(psks ?? []);
        _symmetric = new NoiseSymmetricState($"Noise_{pattern.Name}_25519_ChaChaPoly_SHA256");
        _symmetric.MixHash(prologue);
        foreach (var token in pattern.InitiatorPreMessage)
        {
            MixPreMessageKey(token, _initiator);
        }

        foreach (var token in pattern.ResponderPreMessage)
        {
            MixPreMessageKey(token, !_initiator);
        }
    }

    /// <summary>True when every handshake message has been written or read.</summary>
    public bool IsComplete => _messageIndex >= _pattern.Messages.Length;

    /// <summary>True when the next handshake message is ours to write.</summary>
    public bool IsMyTurn => (_messageIndex % 2 == 0) == _initiator;

    /// <summary>The remote static public key, once learned.</summary>
    public byte[]? RemoteStaticPublicKey => _remoteStatic;

    /// <summary>The handshake hash h.</summary>
    public byte[] HandshakeHash => _symmetric.HandshakeHash;

    /// <summary>Writes the next handshake message carrying <paramref name="payload"/>.</summary>
    public byte[] WriteMessage(ReadOnlySpan<byte> payload)
    {
        EnsureTurn(mine: true);
        var output = new List<byte>();
        foreach (var token in _pattern.Messages[_messageIndex])
        {
            switch (token)
            {
                case NoiseToken.E:
                    _ephemeral ??= X25519KeyPair.Generate();
                    output.AddRange(_ephemeral.PublicKey);
                    _symmetric.MixHash(_ephemeral.PublicKey);
                    if (_pattern.HasPsk)
                    {
                        _symmetric.MixKey(_ephemeral.PublicKey);
                    }

                    break;
                case NoiseToken.S:
                    output.AddRange(_symmetric.EncryptAndHash(Require(_static, "local static key").PublicKey));
                    break;
                default:
                    MixToken(token);
                    break;
            }
        }

        output.AddRange(_symmetric.EncryptAndHash(payload));
        _messageIndex++;
        return [.. output];
    }

    /// <summary>Reads the next handshake message and returns its payload; throws <see cref="NoiseException"/> when it is malformed.</summary>
    public byte[] ReadMessage(ReadOnlySpan<byte> message)
    {
        EnsureTurn(mine: false);
        var offset = 0;
        foreach (var token in _pattern.Messages[_messageIndex])
        {
            switch (token)
            {
                case NoiseToken.E:
                    _remoteEphemeral = Take(message, ref offset, X25519KeyPair.KeyLength, "remote ephemeral key");
                    _symmetric.MixHash(_remoteEphemeral);
                    if (_pattern.HasPsk)
                    {
                        _symmetric.MixKey(_remoteEphemeral);
                    }

                    break;
                case NoiseToken.S:
                    var length = X25519KeyPair.KeyLength + (_symmetric.HasKey ? NoiseCipherState.TagLength : 0);
                    _remoteStatic = _symmetric.DecryptAndHash(Take(message, ref offset, length, "remote static key"));
                    break;
                default:
                    MixToken(token);
                    break;
            }
        }

        var payload = _symmetric.DecryptAndHash(message[offset..]);
        _messageIndex++;
        return payload;
    }

    /// <summary>The transport cipher states after the last message: (send, receive) for this side.</summary>
    public (NoiseCipherState Send, NoiseCipherState Receive) Split()
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException("handshake not complete");
        }

        var (first, second) = _symmetric.Split();
        return _initiator ? (first, second) : (second, first);
    }

    public void Dispose() => _symmetric.Dispose();

    private static T Require<T>(T? value, string what)
        where T : class => value ?? throw new InvalidOperationException($"the pattern needs the {what}");

    private static byte[] Take(ReadOnlySpan<byte> message, ref int offset, int length, string what)
    {
        if (message.Length - offset < length)
        {
            throw new NoiseException($"handshake message too short for the {what}");
        }

        var bytes = message.Slice(offset, length).ToArray();
        offset += length;
        return bytes;
    }

    private void MixPreMessageKey(NoiseToken token, bool mine)
    {
        var key = token switch
        {
            NoiseToken.S => mine ? Require(_static, "local static key").PublicKey : Require(_remoteStatic, "remote static key"),
            _ => mine ? Require(_ephemeral, "local ephemeral key").PublicKey : Require(_remoteEphemeral, "remote ephemeral key"),
        };
        _symmetric.MixHash(key);
    }

    private void MixToken(NoiseToken token)
    {
        // es: initiator's e with responder's s; se: initiator's s with responder's e.
        switch (token)
        {
            case NoiseToken.EE:
                _symmetric.MixKey(Require(_ephemeral, "local ephemeral key").Dh(Require(_remoteEphemeral, "remote ephemeral key")));
                break;
            case NoiseToken.ES:
                _symmetric.MixKey(_initiator
                    ? Require(_ephemeral, "local ephemeral key").Dh(Require(_remoteStatic, "remote static key"))
                    : Require(_static, "local static key").Dh(Require(_remoteEphemeral, "remote ephemeral key")));
                break;
            case NoiseToken.SE:
                _symmetric.MixKey(_initiator
                    ? Require(_static, "local static key").Dh(Require(_remoteEphemeral, "remote ephemeral key"))
                    : Require(_ephemeral, "local ephemeral key").Dh(Require(_remoteStatic, "remote static key")));
                break;
            case NoiseToken.SS:
                _symmetric.MixKey(Require(_static, "local static key").Dh(Require(_remoteStatic, "remote static key")));
                break;
            case NoiseToken.Psk:
                var psk = _psks.Count > 0 ? _psks.Dequeue() : throw new InvalidOperationException("the pattern needs another psk");
                _symmetric.MixKeyAndHash(psk);
                break;
        }
    }

    private void EnsureTurn(bool mine)
    {
        if (IsComplete)
        {
            throw new InvalidOperationException("handshake already complete");
        }

        if (IsMyTurn != mine)
        {
            throw new InvalidOperationException(mine ? "it is the remote side's turn" : "it is our turn to write");
        }
    }
}
