namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>base58btc, the Bitcoin alphabet, as used for peer ids.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Encodes bytes; each leading zero byte becomes a '1'.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256) / log(58) < 1.37, so this bounds the digit count.
        var digits = new byte[((data.Length - zeros) * 137 / 100) + 1];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (var j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        }

        return new string(chars);
    }

    /// <summary>Decodes base58btc text, throwing <see cref="MultiformatException"/> on a character outside the alphabet.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ones = 0;
        while (ones < text.Length && text[ones] == '1')
        {
            ones++;
        }

        // log(58) / log(256) < 0.733
        var bytes = new byte[((text.Length - ones) * 733 / 1000) + 1];
        var length = 0;
        for (var i = ones; i < text.Length; i++)
        {
            var c = text[i];
            var value = c < 128 ? Values[c] : -1;
            if (value < 0)
            {
                throw new MultiformatException($"base58btc: invalid character '{c}' at position {i}");
            }

            int carry = value;
            for (var j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }

        var result = new byte[ones + length];
        for (var i = 0; i < length; i++)
        {
            result[ones + i] = bytes[length - 1 - i];
        }

        return result;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
