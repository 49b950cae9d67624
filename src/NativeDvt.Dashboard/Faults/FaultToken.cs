using System.Security.Cryptography;
using System.Text;

namespace NativeDvt.Dashboard.Faults;

/// <summary>
/// The bearer token the fault controls require: the AppHost's (<c>NDVT_FAULT_TOKEN</c>), which it prints at start, or
/// one made here and logged when the host runs alone.
/// </summary>
public sealed class FaultToken(string value)
{
    /// <summary>The token.</summary>
    public string Value { get; } = value;

    /// <summary>A fresh random token (32 hex digits).</summary>
    public static FaultToken Generate() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer {token}</c>; compared in constant time.</summary>
    public bool Admits(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(Value));
    }
}
