namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// A field whose values live in AVX-512 lanes (eight independent values per operand, see
/// <see cref="FpLaneOps"/>), so that curve formulas can be written once for GF(p) and GF(p^2) lanes.
/// Outputs may alias inputs.
/// </summary>
internal unsafe interface ILaneField
{
    /// <summary>Words of one lane operand (64-byte multiples).</summary>
    static abstract int Words { get; }

    static abstract void Mul(ulong* a, ulong* b, ulong* r);

    static abstract void Square(ulong* a, ulong* r);

    static abstract void Add(ulong* a, ulong* b, ulong* r);

    static abstract void Sub(ulong* a, ulong* b, ulong* r);

    /// <summary>The lanes (bit k for lane k) holding zero.</summary>
    static abstract uint ZeroLanes(ulong* a);
}
