using System.Security.Cryptography;

namespace NativeDvt.Crypto.Keystores;

/// <summary>AES-128 in counter mode with the IV as the initial 128-bit big-endian counter (EIP-2335 "aes-128-ctr").</summary>
internal static class Aes128Ctr
{
    private const int BlockLength = 16;

    /// <summary>Encrypts or decrypts (the same operation) <paramref name="input"/>.</summary>
    public static byte[] Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        var blocks = (input.Length + BlockLength - 1) / BlockLength;
        var counters = new byte[blocks * BlockLength];
        var counter = iv.ToArray();
        for (var block = 0; block < blocks; block++)
        {
            counter.CopyTo(counters, block * BlockLength);
            Increment(counter);
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        var output = new byte[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }

        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }

    private static void Increment(byte[] counter)
    {
        for (var i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }
}
