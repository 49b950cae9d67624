using System.Globalization;
using System.Numerics;

namespace NativeDvt.Crypto.KeyDerivation;

/// <summary>
/// EIP-2334 key paths: m / purpose / coin_type / account / use, with purpose 12381 and coin type
/// 3600 for Ethereum validators. A validator's withdrawal key is m/12381/3600/i/0 and its signing
/// key m/12381/3600/i/0/0. Parsing accepts any well-formed path, since EIP-2333 derives along any.
/// </summary>
public static class Eip2334
{
    /// <summary>The purpose level, 12381 (the BLS12-381 curve).</summary>
    public const uint Purpose = 12381;

    /// <summary>The coin type of Ethereum validator keys.</summary>
    public const uint CoinType = 3600;

    /// <summary>The signing key path of validator <paramref name="index"/>: m/12381/3600/index/0/0.</summary>
    public static string SigningKeyPath(uint index) => string.Create(CultureInfo.InvariantCulture, $"m/{Purpose}/{CoinType}/{index}/0/0");

    /// <summary>The withdrawal key path of validator <paramref name="index"/>: m/12381/3600/index/0.</summary>
    public static string WithdrawalKeyPath(uint index) => string.Create(CultureInfo.InvariantCulture, $"m/{Purpose}/{CoinType}/{index}/0");

    /// <summary>The child indices of a path, after the leading "m".</summary>
    /// <exception cref="KeyPathException">The path is not "m" followed by "/"-separated decimal 32-bit indices.</exception>
    public static uint[] ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var components = path.Split('/');
        if (components[0] != "m")
        {
            throw new KeyPathException($"key path '{path}': component 0 must be 'm', got '{components[0]}'");
        }

        var indices = new uint[components.Length - 1];
        for (var i = 1; i < components.Length; i++)
        {
            var component = components[i];
            var canonical = component.Length > 0 && component.All(char.IsAsciiDigit) && (component.Length == 1 || component[0] != '0');
            if (!canonical || !uint.TryParse(component, NumberStyles.None, CultureInfo.InvariantCulture, out indices[i - 1]))
            {
                throw new KeyPathException($"key path '{path}': component {i} '{component}' is not a decimal index in [0, 2^32)");
            }
        }

        return indices;
    }

    /// <summary>The secret key at <paramref name="path"/> below the master key of <paramref name="seed"/>.</summary>
    public static BigInteger DeriveSK(ReadOnlySpan<byte> seed, string path)
    {
        var indices = ParsePath(path);
        var secretKey = Eip2333.DeriveMasterSK(seed);
        foreach (var index in indices)
        {
            secretKey = Eip2333.DeriveChildSK(secretKey, index);
        }

        return secretKey;
    }
}
