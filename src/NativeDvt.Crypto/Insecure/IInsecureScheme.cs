namespace NativeDvt.Crypto.Insecure;

/// <summary>
/// Marks a scheme whose signatures anyone can forge. Hosts that run a real network check
/// <see cref="IsInsecure"/> and refuse such a scheme.
/// </summary>
public interface IInsecureScheme : ISignatureScheme
{
    /// <summary>Always true: the scheme gives no security at all.</summary>
    bool IsInsecure { get; }
}
