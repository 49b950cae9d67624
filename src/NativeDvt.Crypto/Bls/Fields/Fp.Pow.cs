namespace NativeDvt.Crypto.Bls.Fields;

internal readonly partial struct Fp
{
    // (p+1)/4: since p = 3 mod 4, a^((p+1)/4) is a square root of a square a.
    private static readonly ulong[] SqrtExponent = [0xEE7FBFFFFFFFEAAB, 0x07AAFFFFAC54FFFF, 0xD9CC34A83DAC3D89, 0xD91DD2E13CE144AF, 0x92C6E9ED90D2EB35, 0x0680447A8E5FF9A6];

    // (p-3)/4: for a square t, t^((p-3)/4) is 1/sqrt(t) and t·t^((p-3)/4) is sqrt(t).
    private static readonly ulong[] InverseSqrtExponent = [0xEE7FBFFFFFFFEAAA, 0x07AAFFFFAC54FFFF, 0xD9CC34A83DAC3D89, 0xD91DD2E13CE144AF, 0x92C6E9ED90D2EB35, 0x0680447A8E5FF9A6];

    // (p-1)/2: Euler's criterion exponent (Legendre symbol).
    private static readonly ulong[] LegendreExponent = [0xDCFF7FFFFFFFD555, 0x0F55FFFF58A9FFFF, 0xB39869507B587B12, 0xB23BA5C279C2895F, 0x258DD3DB21A5D66B, 0x0D0088F51CBFF34D];

    // p-2: Fermat inversion exponent.
    private static readonly ulong[] InverseExponent = [0xB9FEFFFFFFFFAAA9, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A];

    /// <summary>
    /// a^e for a public exponent given as little-endian limbs: left-to-right sliding windows of up to
    /// five bits over the odd powers a, a^3, ..., a^31. The exponent is public, so its bit pattern
    /// may steer the control flow; the base stays secret-safe. Squarings skip their final
    /// subtraction (values below 2p in between); one subtraction ends the chain.
    /// </summary>
    public static Fp Pow(in Fp a, ReadOnlySpan<ulong> exponent)
    {
        Span<Fp> odd = stackalloc Fp[16];
        odd[0] = a;
        var a2 = Square(a);
        for (var i = 1; i < 16; i++)
        {
            odd[i] = Mul(odd[i - 1], a2);
        }

        var result = One;
        var started = false;
        var bit = (exponent.Length * 64) - 1;
        while (bit >= 0)
        {
            if (!Bit(exponent, bit))
            {
                if (started)
                {
                    result = SquareUnreduced(result);
                }

                bit--;
                continue;
            }

            // The window runs from this set bit down to the lowest set bit within five bits.
            var low = Math.Max(bit - 4, 0);
            while (!Bit(exponent, low))
            {
                low++;
            }

            var value = 0;
            for (var k = bit; k >= low; k--)
            {
                value = (value << 1) | (Bit(exponent, k) ? 1 : 0);
                if (started)
                {
                    result = SquareUnreduced(result);
                }
            }

            result = started ? Mul(result, odd[value >> 1]) : odd[value >> 1];
            started = true;
            bit = low - 1;
        }

        return ReduceOnce(result.L0, result.L1, result.L2, result.L3, result.L4, result.L5, result.L6);
    }

    private static bool Bit(ReadOnlySpan<ulong> limbs, int index) => ((limbs[index >> 6] >> (index & 63)) & 1) != 0;

    /// <summary>1/a by Fermat (a^(p-2)); the exponent is public so the run time does not depend on a. Zero maps to zero.</summary>
    public static Fp Inverse(in Fp a) => Pow(a, InverseExponent);

    /// <summary>1/a in variable time (binary extended Euclid): for public values only.</summary>
    public static Fp InverseVartime(in Fp a) => FpInversion.InverseVartime(a);

    /// <summary>True iff a is a square in GF(p) (zero counts as a square).</summary>
    public static bool IsSquare(in Fp a)
    {
        var legendre = Pow(a, LegendreExponent);
        return legendre.IsZero || legendre.IsOne;
    }

    /// <summary>A square root of a, or false when a is not a square.</summary>
    public static bool TrySqrt(in Fp a, out Fp root)
    {
        root = Pow(a, SqrtExponent);
        return Square(root).Equals(a);
    }

    /// <summary>a^((p+1)/4): a square root of a when a is a square (callers check).</summary>
    public static Fp PowSqrtCandidate(in Fp a) => Pow(a, SqrtExponent);

    /// <summary>t^((p-3)/4): for a square t this is 1/sqrt(t), so one exponentiation yields a root and its inverse.</summary>
    public static Fp PowInverseSqrt(in Fp t) => Pow(t, InverseSqrtExponent);
}
