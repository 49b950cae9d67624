namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>Branch-free helpers for code that touches secret values.</summary>
internal static class ConstantTime
{
    /// <summary>All ones when a == b, zero otherwise, without a data-dependent branch.</summary>
    public static ulong EqualMask(uint a, uint b)
    {
        var diff = (ulong)(a ^ b);
        // diff - 1 borrows into the top bit only when diff is zero.
        return 0UL - ((diff - 1) >> 63);
    }

    /// <summary>All ones when the value is zero, zero otherwise.</summary>
    public static ulong IsZeroMask(ulong value) => 0UL - (((value | (0UL - value)) >> 63) ^ 1);

    /// <summary>True iff the two spans hold the same bytes; the time depends on the length only.</summary>
    public static bool BytesEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);
}
