namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>RFC 4648 base32 without padding, lowercase, as onion addresses use it.</summary>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        var buffer = 0;
        var bits = 0;
        var n = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[n++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars, 0, n);
    }

    /// <summary>Decodes case-insensitively; null when a character is outside the alphabet.</summary>
    public static byte[]? TryDecode(string text)
    {
        var bytes = new byte[text.Length * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var n = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes[n++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return bytes;
    }
}
