namespace NativeDvt.Crypto.Bls;

/// <summary>Checks of the 32-byte big-endian secret scalar.</summary>
internal static class SecretKey
{
    public const int Size = 32;

    /// <summary>r, big-endian: a secret key must be below it.</summary>
    private static readonly byte[] Order = Convert.FromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

    /// <summary>Throws unless 1 &lt;= sk &lt; r (the comparison runs over every byte).</summary>
    public static void Validate(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != Size)
        {
            throw new BlsException($"secret key: expected {Size} bytes, got {secretKey.Length}");
        }

        ulong any = 0;
        var less = 0;
        var decided = 0;
        for (var i = 0; i < Size; i++)
        {
            any |= secretKey[i];
            var lt = secretKey[i] < Order[i] ? 1 : 0;
            var gt = secretKey[i] > Order[i] ? 1 : 0;
            less |= lt & ~decided;
            decided |= lt | gt;
        }

        if (any == 0)
        {
            throw new BlsException("secret key: zero is not a valid secret key");
        }

        if (less == 0)
        {
            throw new BlsException("secret key: not below the group order r");
        }
    }
}
