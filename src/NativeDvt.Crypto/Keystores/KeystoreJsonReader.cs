using System.Text.Json;

namespace NativeDvt.Crypto.Keystores;

/// <summary>Field access on keystore JSON that fails with a <see cref="KeystoreException"/> naming the field's path.</summary>
internal static class KeystoreJsonReader
{
    public static JsonElement Object(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.Object ? value : throw WrongKind(path, "an object", value);
    }

    public static string String(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongKind(path, "a string", value);
    }

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongKind(path, "a string", value);
    }

    public static int Int(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw WrongKind(path, "a 32-bit integer", value);
    }

    public static byte[] Hex(JsonElement parent, string name, string path, int? length = null)
    {
        var text = String(parent, name, path);
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length % 2 != 0 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new KeystoreException($"{path}: '{Truncate(text)}' is not hex");
        }

        var bytes = Convert.FromHexString(digits);
        if (length is { } expected && bytes.Length != expected)
        {
            throw new KeystoreException($"{path}: {bytes.Length} bytes, expected {expected}");
        }

        return bytes;
    }

    private static JsonElement Required(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) ? value : throw new KeystoreException($"{path}: missing");

    private static KeystoreException WrongKind(string path, string expected, JsonElement value) =>
        new($"{path}: expected {expected}, got {value.ValueKind} {Truncate(value.GetRawText())}");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
