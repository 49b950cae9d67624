namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>
/// Variable-time inversion in GF(p) by the binary extended Euclidean algorithm, several times
/// faster than Fermat's exponentiation. Its run time depends on the value, so it serves public
/// data only (verification, hashing public messages, pairings); secrets use <see cref="Fp.Inverse"/>.
/// </summary>
internal static class FpInversion
{
    private const int Limbs = 6;

    /// <summary>R^3 mod p (R = 2^392, as stored limbs): turns the inverse of the integer aR back into Montgomery form a^-1·R.</summary>
    private static readonly Fp R3 = new(0x294CC4D1F7B890, 0xB5BA56C9F3AF22, 0xC0D975CCB5C0CC, 0x6C968B4C89A8C5, 0x91DE8C922672EA, 0x84977C835652A6, 0x00141AB424BBB9);

    /// <summary>p as limbs, low first.</summary>
    private static readonly ulong[] Modulus = [0xB9FEFFFFFFFFAAAB, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A];

    public static Fp InverseVartime(in Fp a)
    {
        if (a.IsZero)
        {
            return Fp.Zero;
        }

        Span<ulong> u = stackalloc ulong[Limbs];
        a.ToLimbs64(u);
        Span<ulong> v = stackalloc ulong[Limbs];
        Modulus.CopyTo(v);
        Span<ulong> x1 = [1, 0, 0, 0, 0, 0];
        Span<ulong> x2 = stackalloc ulong[Limbs];
        x2.Clear();

        // Invariants: x1·(aR) = u and x2·(aR) = v (mod p); gcd(u, v) = 1 throughout.
        while (!IsOne(u) && !IsOne(v))
        {
            HalveWhileEven(u, x1);
            HalveWhileEven(v, x2);
            if (GreaterOrEqual(u, v))
            {
                SubtractInPlace(u, v);
                SubtractModP(x1, x2);
            }
            else
            {
                SubtractInPlace(v, u);
                SubtractModP(x2, x1);
            }
        }

        var x = IsOne(u) ? x1 : x2;
        return Fp.Mul(Fp.FromLimbs64(x[0], x[1], x[2], x[3], x[4], x[5]), R3);
    }

    private static void HalveWhileEven(Span<ulong> w, Span<ulong> x)
    {
        while ((w[0] & 1) == 0)
        {
            ShiftRight(w, 0);
            ulong carry = 0;
            if ((x[0] & 1) != 0)
            {
                carry = AddInPlace(x, Modulus);
            }

            ShiftRight(x, carry);
        }
    }

    private static bool IsOne(ReadOnlySpan<ulong> w) => w[0] == 1 && (w[1] | w[2] | w[3] | w[4] | w[5]) == 0;

    private static bool GreaterOrEqual(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var i = Limbs - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] > b[i];
            }
        }

        return true;
    }

    private static void ShiftRight(Span<ulong> w, ulong topBit)
    {
        for (var i = 0; i < Limbs - 1; i++)
        {
            w[i] = (w[i] >> 1) | (w[i + 1] << 63);
        }

        w[Limbs - 1] = (w[Limbs - 1] >> 1) | (topBit << 63);
    }

    private static ulong AddInPlace(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong carry = 0;
        for (var i = 0; i < Limbs; i++)
        {
            var sum = a[i] + b[i];
            var c1 = sum < a[i] ? 1UL : 0UL;
            var result = sum + carry;
            carry = c1 | (result < sum ? 1UL : 0UL);
            a[i] = result;
        }

        return carry;
    }

    private static ulong SubtractInPlace(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong borrow = 0;
        for (var i = 0; i < Limbs; i++)
        {
            var diff = a[i] - b[i];
            var b1 = a[i] < b[i] ? 1UL : 0UL;
            var result = diff - borrow;
            borrow = b1 | (diff < borrow ? 1UL : 0UL);
            a[i] = result;
        }

        return borrow;
    }

    private static void SubtractModP(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (SubtractInPlace(a, b) != 0)
        {
            AddInPlace(a, Modulus);
        }
    }
}
