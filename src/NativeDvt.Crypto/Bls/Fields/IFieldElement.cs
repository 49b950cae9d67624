namespace NativeDvt.Crypto.Bls.Fields;

/// <summary>
/// The field operations the curve formulas need, as static abstract members so that the point
/// arithmetic is written once for G1 (over GF(p)) and G2 (over GF(p^2)) and the JIT specialises it
/// per struct without virtual calls.
/// </summary>
internal interface IFieldElement<T>
    where T : struct, IFieldElement<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    bool IsZero { get; }

    static abstract T Add(in T a, in T b);

    static abstract T Sub(in T a, in T b);

    static abstract T Double(in T a);

    static abstract T Neg(in T a);

    static abstract T Mul(in T a, in T b);

    static abstract T Square(in T a);

    static abstract T Inverse(in T a);

    /// <summary>Inversion whose run time may depend on the value: for public data only.</summary>
    static abstract T InverseVartime(in T a);

    /// <summary>
    /// Multiplies by 3b, b being the constant of the BLS12-381 curve over this field (4 for E over
    /// GF(p), 4(1 + u) for the twist over GF(p^2)), with additions only.
    /// </summary>
    static abstract T MulByCurveB3(in T a);

    /// <summary>k·a for a small constant k (at most 31), in one pass instead of a chain of additions.</summary>
    static abstract T MulSmall(in T a, ulong k);

    static abstract T Select(in T a, in T b, ulong mask);

    bool Equals(T other);
}
