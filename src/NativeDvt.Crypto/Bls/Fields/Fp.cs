using System.Runtime.CompilerServices;

namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>
/// An element of the BLS12-381 base field GF(p), held in Montgomery form (a·2^392 mod p) as seven
/// little-endian 56-bit limbs in 64-bit words, always canonical (below p, every limb below 2^56).
/// The spare eight bits of each word let products accumulate column sums without carry detection,
/// which .NET cannot express as add-with-carry. Arithmetic is branch-free on the values (the final
/// reductions use masks), so it is safe for secret data.
/// </summary>
/// <remarks>
/// One file per concern: additions (Fp.Add.cs), one-pass small multiples and linear forms (Fp.LinearForms.cs),
/// products (Fp.Mul.cs, the managed straight-line code in Fp.Mul.g.cs, Fp.Square.g.cs and Fp.Reduce.g.cs, written by
/// tests/NativeDvt.Crypto.Tests/Bls/FpCodeGenerator.cs), exponentiations (Fp.Pow.cs) and encodings (Fp.Bytes.cs).
/// </remarks>
internal readonly partial struct Fp : IEquatable<Fp>, IFieldElement<Fp>
{
    /// <summary>Size of a canonical big-endian encoding.</summary>
    public const int ByteLength = 48;

    private const int Limbs = 7;

    private const ulong Mask = (1UL << 56) - 1;

    // p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab in 56-bit limbs, low to high.
    private const ulong Q0 = 0xFEFFFFFFFFAAAB;
    private const ulong Q1 = 0xFFFEB153FFFFB9;
    private const ulong Q2 = 0xA0F6B0F6241EAB;
    private const ulong Q3 = 0xF38512BF6730D2;
    private const ulong Q4 = 0x4BACD764774B84;
    private const ulong Q5 = 0xE69A4B1BA7B643;
    private const ulong Q6 = 0x001A0111EA397F;

    // The limbs of p shifted left by 8: a product x·(y << 8) has floor(x·y / 2^56) as its high word and (x·y mod 2^56) << 8 as its low word.
    private const ulong Qs0 = 0xFEFFFFFFFFAAAB00;
    private const ulong Qs1 = 0xFFFEB153FFFFB900;
    private const ulong Qs2 = 0xA0F6B0F6241EAB00;
    private const ulong Qs3 = 0xF38512BF6730D200;
    private const ulong Qs4 = 0x4BACD764774B8400;
    private const ulong Qs5 = 0xE69A4B1BA7B64300;
    private const ulong Qs6 = 0x001A0111EA397F00;

    // -p^-1 mod 2^56, shifted left by 8 (the reduction factor).
    private const ulong QInvShifted = 0xF3FFFCFFFCFFFD00;

    // 512·p^2 in 56-bit columns: the offset that keeps signed sums of products non-negative before reduction.
    private const ulong Offset0 = 0x000038E31C7200;
    private const ulong Offset1 = 0x3AEC705D564D54;
    private const ulong Offset2 = 0xC42279FAF9DAD6;
    private const ulong Offset3 = 0xE36E862C586706;
    private const ulong Offset4 = 0x4092CD7F23DA7C;
    private const ulong Offset5 = 0xF6525D0B50E123;
    private const ulong Offset6 = 0x3AD0C3390C30B8;
    private const ulong Offset7 = 0x62926612F1DE02;
    private const ulong Offset8 = 0x59FA2DBB94DDEA;
    private const ulong Offset9 = 0x92693D17A0A14C;
    private const ulong Offset10 = 0x1CE08D68CDCB3C;
    private const ulong Offset11 = 0x5E4BD3C5B921CA;
    private const ulong Offset12 = 0xBF8E97A4F1D544;
    private const ulong Offset13 = 0x0005486F497186;

    internal readonly ulong L0, L1, L2, L3, L4, L5, L6;

    /// <summary>From 56-bit limbs of a value already in Montgomery form and below p.</summary>
    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
        L6 = l6;
    }

    public static Fp Zero => default;

    // R = 2^392 mod p: the Montgomery form of 1.
    public static Fp One => new(0xD800000347FCB8, 0x0CDE6D2002B119, 0x83A2090C7212E0, 0xDA0F73E037669F, 0x1297BB09B09B42, 0x012CA7C515D98F, 0x000577A659FCFA);

    // R^2 mod p: multiplying a canonical value by it enters Montgomery form.
    private static Fp R2 => new(0x6D1C34510370ED, 0xEC45C53E243D62, 0x093317D3B1D65A, 0x5D74088B4F36A0, 0x865D118C10EA72, 0xFD5CD507320A75, 0x000C8D4CC8A759);

    // The integer 1 (not in Montgomery form): multiplying by it leaves Montgomery form.
    private static Fp RawOne => new(1, 0, 0, 0, 0, 0, 0);

    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5 | L6) == 0;

    public bool IsOne => Equals(One);

    public static Fp operator +(in Fp a, in Fp b) => Add(a, b);

    public static Fp operator -(in Fp a, in Fp b) => Sub(a, b);

    public static Fp operator -(in Fp a) => Neg(a);

    public static Fp operator *(in Fp a, in Fp b) => Mul(a, b);

    public static bool operator ==(in Fp a, in Fp b) => a.Equals(b);

    public static bool operator !=(in Fp a, in Fp b) => !a.Equals(b);

    /// <summary>Constant-time choice: b where mask is all ones, a where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Select(in Fp a, in Fp b, ulong mask) => new(
        a.L0 ^ ((a.L0 ^ b.L0) & mask),
        a.L1 ^ ((a.L1 ^ b.L1) & mask),
        a.L2 ^ ((a.L2 ^ b.L2) & mask),
        a.L3 ^ ((a.L3 ^ b.L3) & mask),
        a.L4 ^ ((a.L4 ^ b.L4) & mask),
        a.L5 ^ ((a.L5 ^ b.L5) & mask),
        a.L6 ^ ((a.L6 ^ b.L6) & mask));

    public bool Equals(Fp other) => ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5) | (L6 ^ other.L6)) == 0;

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5, L6);

    public override string ToString() => Convert.ToHexString(ToBytes());
}
