using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;

namespace NativeDvt.Crypto.Keystores;

/// <summary>The key-derivation function of a keystore: scrypt or PBKDF2 with HMAC-SHA256 (EIP-2335).</summary>
public sealed class KeystoreKdf
{
    /// <summary>The "function" value for scrypt.</summary>
    public const string ScryptFunction = "scrypt";

    /// <summary>The "function" value for PBKDF2.</summary>
    public const string Pbkdf2Function = "pbkdf2";

    /// <summary>The only PBKDF2 pseudo-random function EIP-2335 defines.</summary>
    public const string HmacSha256 = "hmac-sha256";

    // 128 * r * n bytes of scrypt memory beyond this are refused, so a hostile file cannot exhaust memory.
    private const long MaxScryptMemory = 1L << 30;
    private const int MaxPbkdf2Iterations = 100_000_000;

    private readonly byte[] _salt;

    private KeystoreKdf(string function, int dkLen, byte[] salt, int n, int r, int p, int c)
    {
        if (dkLen < 32)
        {
            throw new KeystoreException($"crypto.kdf.params.dklen: {dkLen} is below 32, the length the checksum and cipher key need");
        }

        Function = function;
        DkLen = dkLen;
        _salt = salt.ToArray();
        N = n;
        R = r;
        P = p;
        C = c;
    }

    /// <summary>"scrypt" or "pbkdf2".</summary>
    public string Function { get; }

    /// <summary>Length of the derived key (32 in every EIP-2335 keystore).</summary>
    public int DkLen { get; }

    /// <summary>The salt.</summary>
    public ReadOnlySpan<byte> Salt => _salt;

    /// <summary>scrypt cost n (a power of two); 0 for PBKDF2.</summary>
    public int N { get; }

    /// <summary>scrypt block size r; 0 for PBKDF2.</summary>
    public int R { get; }

    /// <summary>scrypt parallelism p; 0 for PBKDF2.</summary>
    public int P { get; }

    /// <summary>PBKDF2 iteration count c; 0 for scrypt.</summary>
    public int C { get; }

    /// <summary>scrypt with the EIP-2335 defaults (n = 2^18, r = 8, p = 1).</summary>
    public static KeystoreKdf Scrypt(ReadOnlySpan<byte> salt, int n = 262144, int r = 8, int p = 1, int dkLen = 32)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new KeystoreException($"crypto.kdf.params.n: {n} is not a power of two above 1");
        }

        if (r < 1 || p < 1)
        {
            throw new KeystoreException($"crypto.kdf.params.{(r < 1 ? "r" : "p")}: must be at least 1");
        }

        if (128L * r * n > MaxScryptMemory || (long)r * p >= 1 << 30)
        {
            throw new KeystoreException($"crypto.kdf.params: scrypt with n = {n}, r = {r}, p = {p} needs more than {MaxScryptMemory >> 20} MiB; refused");
        }

        return new KeystoreKdf(ScryptFunction, dkLen, salt.ToArray(), n, r, p, 0);
    }

    /// <summary>PBKDF2-HMAC-SHA256 with the EIP-2335 default of 2^18 iterations.</summary>
    public static KeystoreKdf Pbkdf2(ReadOnlySpan<byte> salt, int c = 262144, int dkLen = 32)
    {
        if (c < 1 || c > MaxPbkdf2Iterations)
        {
            throw new KeystoreException($"crypto.kdf.params.c: {c} is outside [1, {MaxPbkdf2Iterations}]");
        }

        return new KeystoreKdf(Pbkdf2Function, dkLen, salt.ToArray(), 0, 0, 0, c);
    }

    /// <summary>The decryption key for a processed password.</summary>
    internal byte[] DeriveKey(byte[] password) => Function == ScryptFunction
        ? SCrypt.Generate(password, _salt, N, R, P, DkLen)
        : Rfc2898DeriveBytes.Pbkdf2(password, _salt, C, HashAlgorithmName.SHA256, DkLen);
}
