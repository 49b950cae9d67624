namespace NativeDvt.Libp2p.Noise;

/// <summary>Noise message pattern tokens (Noise spec section 7).</summary>
internal enum NoiseToken
{
    E,
    S,
    EE,
    ES,
    SE,
    SS,
    Psk,
}
