using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>A point (x, y) of y^2 = x^3 + b over T, or the point at infinity. G1 uses T = Fp, G2 uses T = Fp2.</summary>
internal readonly struct AffinePoint<T>
    where T : struct, IFieldElement<T>
{
    public readonly T X;
    public readonly T Y;
    public readonly bool IsInfinity;

    public AffinePoint(in T x, in T y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private AffinePoint(bool infinity)
    {
        X = T.Zero;
        Y = T.One;
        IsInfinity = infinity;
    }

    public static AffinePoint<T> Infinity => new(true);

    public static AffinePoint<T> Neg(in AffinePoint<T> p) => p.IsInfinity ? p : new AffinePoint<T>(p.X, T.Neg(p.Y));

    /// <summary>True iff the point satisfies y^2 = x^3 + b (infinity counts as on the curve).</summary>
    public bool IsOnCurve(in T b) => IsInfinity || T.Square(Y).Equals(T.Add(T.Mul(T.Square(X), X), b));

    public JacobianPoint<T> ToJacobian() => IsInfinity ? JacobianPoint<T>.Infinity : new JacobianPoint<T>(X, Y, T.One);

    public bool Equals(in AffinePoint<T> other) =>
        IsInfinity == other.IsInfinity && (IsInfinity || (X.Equals(other.X) && Y.Equals(other.Y)));
}
