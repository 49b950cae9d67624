using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static NativeDvt.Crypto.Keystores.KeystoreJsonReader;

namespace NativeDvt.Crypto.Keystores;

/// <summary>
/// An EIP-2335 (version 4) BLS keystore: a secret encrypted with AES-128-CTR under the first half of
/// a password-derived key (scrypt or PBKDF2-HMAC-SHA256), with SHA-256(second half || ciphertext)
/// as the checksum that tells a wrong password apart.
/// </summary>
public sealed class Keystore
{
    /// <summary>The keystore version EIP-2335 defines.</summary>
    public const int Version = 4;

    private const string ChecksumFunction = "sha256";
    private const string CipherFunction = "aes-128-ctr";
    private const int IvLength = 16;
    private const int ChecksumLength = 32;

    private readonly byte[] _checksum;
    private readonly byte[] _iv;
    private readonly byte[] _cipherText;

    private Keystore(KeystoreKdf kdf, byte[] checksum, byte[] iv, byte[] cipherText, Guid uuid, string path, string? pubkey, string? description)
    {
        Kdf = kdf;
        _checksum = checksum;
        _iv = iv;
        _cipherText = cipherText;
        Uuid = uuid;
        Path = path;
        Pubkey = pubkey;
        Description = description;
    }

    /// <summary>The key-derivation function and its parameters.</summary>
    public KeystoreKdf Kdf { get; }

    /// <summary>The keystore's UUID.</summary>
    public Guid Uuid { get; }

    /// <summary>The EIP-2334 path of the key, or "" when it was not derived from a seed.</summary>
    public string Path { get; }

    /// <summary>The public key as hex (without 0x), if the file gives it.</summary>
    public string? Pubkey { get; }

    /// <summary>A free-text description, if any.</summary>
    public string? Description { get; }

    /// <summary>Encrypts <paramref name="secret"/> with every parameter given: for reproducible files and tests.</summary>
    public static Keystore Encrypt(ReadOnlySpan<byte> secret, string password, KeystoreKdf kdf, ReadOnlySpan<byte> iv, Guid uuid, string path, string? pubkey = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        ArgumentNullException.ThrowIfNull(path);
        if (iv.Length != IvLength)
        {
            throw new KeystoreException($"crypto.cipher.params.iv: {iv.Length} bytes, expected {IvLength}");
        }

        var key = kdf.DeriveKey(KeystorePassword.Process(password));
        try
        {
            var cipherText = Aes128Ctr.Transform(key.AsSpan(0, 16), iv, secret);
            return new Keystore(kdf, Checksum(key, cipherText), iv.ToArray(), cipherText, uuid, path, pubkey, description);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Encrypts <paramref name="secret"/> with a random salt, IV and UUID and the EIP's default scrypt or PBKDF2 costs.</summary>
    public static Keystore Encrypt(ReadOnlySpan<byte> secret, string password, string path, bool useScrypt = true, string? pubkey = null, string? description = null)
    {
        var salt = RandomNumberGenerator.GetBytes(32);
        var kdf = useScrypt ? KeystoreKdf.Scrypt(salt) : KeystoreKdf.Pbkdf2(salt);
        return Encrypt(secret, password, kdf, RandomNumberGenerator.GetBytes(IvLength), Guid.NewGuid(), path, pubkey, description);
    }

    /// <summary>Reads a keystore file's JSON.</summary>
    /// <exception cref="KeystoreException">The JSON is malformed; the message names the field.</exception>
    public static Keystore Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new KeystoreException($"keystore: not JSON ({error.Message})", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeystoreException($"keystore: expected a JSON object, got {root.ValueKind}");
            }

            var version = Int(root, "version", "version");
            if (version != Version)
            {
                throw new KeystoreException($"version: {version} is not supported (EIP-2335 defines version {Version})");
            }

            var uuidText = String(root, "uuid", "uuid");
            if (!Guid.TryParse(uuidText, out var uuid))
            {
                throw new KeystoreException($"uuid: '{uuidText}' is not a UUID");
            }

            var crypto = Object(root, "crypto", "crypto");
            var kdf = ReadKdf(Object(crypto, "kdf", "crypto.kdf"));

            var checksum = Object(crypto, "checksum", "crypto.checksum");
            RequireFunction(checksum, "crypto.checksum", ChecksumFunction);
            Object(checksum, "params", "crypto.checksum.params");
            var checksumMessage = Hex(checksum, "message", "crypto.checksum.message", ChecksumLength);

            var cipher = Object(crypto, "cipher", "crypto.cipher");
            RequireFunction(cipher, "crypto.cipher", CipherFunction);
            var iv = Hex(Object(cipher, "params", "crypto.cipher.params"), "iv", "crypto.cipher.params.iv", IvLength);
            var cipherText = Hex(cipher, "message", "crypto.cipher.message");

            return new Keystore(
                kdf,
                checksumMessage,
                iv,
                cipherText,
                uuid,
                String(root, "path", "path"),
                OptionalString(root, "pubkey", "pubkey"),
                OptionalString(root, "description", "description"));
        }
    }

    /// <summary>Decrypts the secret.</summary>
    /// <exception cref="KeystoreException">The password is wrong (the checksum does not match).</exception>
    public byte[] Decrypt(string password)
    {
        var key = Kdf.DeriveKey(KeystorePassword.Process(password));
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Checksum(key, _cipherText), _checksum))
            {
                throw new KeystoreException("wrong password: the checksum computed from the password does not match crypto.checksum.message");
            }

            return Aes128Ctr.Transform(key.AsSpan(0, 16), _iv, _cipherText);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The keystore as EIP-2335 JSON (indented, fields in the EIP's order).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("crypto");
            WriteKdf(writer);
            writer.WriteStartObject("checksum");
            writer.WriteString("function", ChecksumFunction);
            writer.WriteStartObject("params");
            writer.WriteEndObject();
            writer.WriteString("message", Convert.ToHexStringLower(_checksum));
            writer.WriteEndObject();
            writer.WriteStartObject("cipher");
            writer.WriteString("function", CipherFunction);
            writer.WriteStartObject("params");
            writer.WriteString("iv", Convert.ToHexStringLower(_iv));
            writer.WriteEndObject();
            writer.WriteString("message", Convert.ToHexStringLower(_cipherText));
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (Description is not null)
            {
                writer.WriteString("description", Description);
            }

            if (Pubkey is not null)
            {
                writer.WriteString("pubkey", Pubkey);
            }

            writer.WriteString("path", Path);
            writer.WriteString("uuid", Uuid.ToString("D"));
            writer.WriteNumber("version", Version);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static byte[] Checksum(byte[] key, byte[] cipherText)
    {
        var input = new byte[16 + cipherText.Length];
        key.AsSpan(16, 16).CopyTo(input);
        cipherText.CopyTo(input, 16);
        return SHA256.HashData(input);
    }

    private static KeystoreKdf ReadKdf(JsonElement kdf)
    {
        var function = String(kdf, "function", "crypto.kdf.function");
        var parameters = Object(kdf, "params", "crypto.kdf.params");
        var dkLen = Int(parameters, "dklen", "crypto.kdf.params.dklen");
        var salt = Hex(parameters, "salt", "crypto.kdf.params.salt");
        switch (function)
        {
            case KeystoreKdf.ScryptFunction:
                return KeystoreKdf.Scrypt(
                    salt,
                    Int(parameters, "n", "crypto.kdf.params.n"),
                    Int(parameters, "r", "crypto.kdf.params.r"),
                    Int(parameters, "p", "crypto.kdf.params.p"),
                    dkLen);
            case KeystoreKdf.Pbkdf2Function:
                var prf = String(parameters, "prf", "crypto.kdf.params.prf");
                if (prf != KeystoreKdf.HmacSha256)
                {
                    throw new KeystoreException($"crypto.kdf.params.prf: '{prf}' is not supported (only {KeystoreKdf.HmacSha256})");
                }

                return KeystoreKdf.Pbkdf2(salt, Int(parameters, "c", "crypto.kdf.params.c"), dkLen);
            default:
                throw new KeystoreException($"crypto.kdf.function: '{function}' is not supported (scrypt or pbkdf2)");
        }
    }

    private static void RequireFunction(JsonElement module, string path, string expected)
    {
        var function = String(module, "function", path + ".function");
        if (function != expected)
        {
            throw new KeystoreException($"{path}.function: '{function}' is not supported (only {expected})");
        }
    }

    private void WriteKdf(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("kdf");
        writer.WriteString("function", Kdf.Function);
        writer.WriteStartObject("params");
        writer.WriteNumber("dklen", Kdf.DkLen);
        if (Kdf.Function == KeystoreKdf.ScryptFunction)
        {
            writer.WriteNumber("n", Kdf.N);
            writer.WriteNumber("p", Kdf.P);
            writer.WriteNumber("r", Kdf.R);
        }
        else
        {
            writer.WriteNumber("c", Kdf.C);
            writer.WriteString("prf", KeystoreKdf.HmacSha256);
        }

        writer.WriteString("salt", Convert.ToHexStringLower(Kdf.Salt));
        writer.WriteEndObject();
        writer.WriteString("message", string.Empty);
        writer.WriteEndObject();
    }
}
