using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// A point in Jacobian coordinates (X/Z^2, Y/Z^3) of y^2 = x^3 + b over T; Z = 0 is infinity.
/// These formulas are fast but not complete and branch on special cases, so they serve public
/// data only (verification, hashing, subgroup checks); secret scalars use <see cref="ProjectivePoint{T}"/>.
/// </summary>
internal readonly struct JacobianPoint<T>
    where T : struct, IFieldElement<T>
{
    public readonly T X;
    public readonly T Y;
    public readonly T Z;

    public JacobianPoint(in T x, in T y, in T z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static JacobianPoint<T> Infinity => new(T.One, T.One, T.Zero);

    public bool IsInfinity => Z.IsZero;

    public static JacobianPoint<T> Neg(in JacobianPoint<T> p) => new(p.X, T.Neg(p.Y), p.Z);

    /// <summary>dbl-2009-l (a = 0); with its products in lane batches where that pays (<see cref="G2Batched"/>, <see cref="G1Batched"/>).</summary>
    public static JacobianPoint<T> Double(in JacobianPoint<T> p)
    {
        if (typeof(T) == typeof(Fp2) && G2Batched.Pays)
        {
            var doubled = G2Batched.Double(Unsafe.As<JacobianPoint<T>, JacobianPoint<Fp2>>(ref Unsafe.AsRef(in p)));
            return Unsafe.As<JacobianPoint<Fp2>, JacobianPoint<T>>(ref doubled);
        }

        if (typeof(T) == typeof(Fp) && G1Batched.Pays)
        {
            var doubled = G1Batched.Double(Unsafe.As<JacobianPoint<T>, JacobianPoint<Fp>>(ref Unsafe.AsRef(in p)));
            return Unsafe.As<JacobianPoint<Fp>, JacobianPoint<T>>(ref doubled);
        }

        return DoubleScalar(p);
    }

    /// <summary>dbl-2009-l (a = 0), one field operation at a time.</summary>
    internal static JacobianPoint<T> DoubleScalar(in JacobianPoint<T> p)
    {
        var a = T.Square(p.X);
        var b = T.Square(p.Y);
        var c = T.Square(b);
        var d = T.Double(T.Sub(T.Sub(T.Square(T.Add(p.X, b)), a), c));
        var e = T.MulSmall(a, 3);
        var f = T.Square(e);
        var x3 = T.Sub(f, T.Double(d));
        var c8 = T.MulSmall(c, 8);
        var y3 = T.Sub(T.Mul(e, T.Sub(d, x3)), c8);
        var z3 = T.Double(T.Mul(p.Y, p.Z));
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>add-2007-bl, falling back to doubling or infinity where the general formula does not apply.</summary>
    public static JacobianPoint<T> Add(in JacobianPoint<T> p, in JacobianPoint<T> q)
    {
        if (p.IsInfinity)
        {
            return q;
        }

        if (q.IsInfinity)
        {
            return p;
        }

        var z1z1 = T.Square(p.Z);
        var z2z2 = T.Square(q.Z);
        var u1 = T.Mul(p.X, z2z2);
        var u2 = T.Mul(q.X, z1z1);
        var s1 = T.Mul(T.Mul(p.Y, q.Z), z2z2);
        var s2 = T.Mul(T.Mul(q.Y, p.Z), z1z1);
        var h = T.Sub(u2, u1);
        var r = T.Double(T.Sub(s2, s1));
        if (h.IsZero)
        {
            return r.IsZero ? Double(p) : Infinity;
        }

        var i = T.Square(T.Double(h));
        var j = T.Mul(h, i);
        var v = T.Mul(u1, i);
        var x3 = T.Sub(T.Sub(T.Square(r), j), T.Double(v));
        var y3 = T.Sub(T.Mul(r, T.Sub(v, x3)), T.Double(T.Mul(s1, j)));
        var z3 = T.Mul(T.Sub(T.Sub(T.Square(T.Add(p.Z, q.Z)), z1z1), z2z2), h);
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>madd-2007-bl: adds an affine point (Z2 = 1).</summary>
    public static JacobianPoint<T> AddMixed(in JacobianPoint<T> p, in AffinePoint<T> q)
    {
        if (q.IsInfinity)
        {
            return p;
        }

        if (p.IsInfinity)
        {
            return q.ToJacobian();
        }

        var z1z1 = T.Square(p.Z);
        var u2 = T.Mul(q.X, z1z1);
        var s2 = T.Mul(T.Mul(q.Y, p.Z), z1z1);
        var h = T.Sub(u2, p.X);
        var r = T.Double(T.Sub(s2, p.Y));
        if (h.IsZero)
        {
            return r.IsZero ? Double(p) : Infinity;
        }

        var hh = T.Square(h);
        var i = T.MulSmall(hh, 4);
        var j = T.Mul(h, i);
        var v = T.Mul(p.X, i);
        var x3 = T.Sub(T.Sub(T.Square(r), j), T.Double(v));
        var y3 = T.Sub(T.Mul(r, T.Sub(v, x3)), T.Double(T.Mul(p.Y, j)));
        var z3 = T.Sub(T.Sub(T.Square(T.Add(p.Z, h)), z1z1), hh);
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>[k]p for a public 64-bit k (double and add from the top set bit, variable time).</summary>
    public static JacobianPoint<T> MulVartime(in JacobianPoint<T> p, ulong k)
    {
        if (k == 0)
        {
            return Infinity;
        }

        var result = p;
        for (var bit = 62 - System.Numerics.BitOperations.LeadingZeroCount(k); bit >= 0; bit--)
        {
            result = Double(result);
            if (((k >> bit) & 1) != 0)
            {
                result = Add(result, p);
            }
        }

        return result;
    }

    /// <summary>[k]p for an affine p and a public 64-bit k: mixed additions (7M + 4S instead of 11M + 5S).</summary>
    public static JacobianPoint<T> MulVartime(in AffinePoint<T> p, ulong k)
    {
        if (k == 0 || p.IsInfinity)
        {
            return Infinity;
        }

        var result = p.ToJacobian();
        for (var bit = 62 - System.Numerics.BitOperations.LeadingZeroCount(k); bit >= 0; bit--)
        {
            result = Double(result);
            if (((k >> bit) & 1) != 0)
            {
                result = AddMixed(result, p);
            }
        }

        return result;
    }

    /// <summary>[k]p for a public scalar given as little-endian limbs (variable time).</summary>
    public static JacobianPoint<T> MulVartime(in JacobianPoint<T> p, ReadOnlySpan<ulong> k)
    {
        var result = Infinity;
        for (var i = k.Length - 1; i >= 0; i--)
        {
            for (var bit = 63; bit >= 0; bit--)
            {
                result = Double(result);
                if (((k[i] >> bit) & 1) != 0)
                {
                    result = Add(result, p);
                }
            }
        }

        return result;
    }

    public AffinePoint<T> ToAffine()
    {
        if (IsInfinity)
        {
            return AffinePoint<T>.Infinity;
        }

        var zInv = T.InverseVartime(Z);
        var zInv2 = T.Square(zInv);
        return new AffinePoint<T>(T.Mul(X, zInv2), T.Mul(Y, T.Mul(zInv2, zInv)));
    }

    /// <summary>Converts many points with one inversion (Montgomery's trick); for public points.</summary>
    public static void BatchToAffine(ReadOnlySpan<JacobianPoint<T>> points, Span<AffinePoint<T>> result)
    {
        var prefix = new T[points.Length];
        var acc = T.One;
        for (var i = 0; i < points.Length; i++)
        {
            prefix[i] = acc;
            if (!points[i].IsInfinity)
            {
                acc = T.Mul(acc, points[i].Z);
            }
        }

        var inv = T.InverseVartime(acc);
        for (var i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].IsInfinity)
            {
                result[i] = AffinePoint<T>.Infinity;
                continue;
            }

            var zInv = T.Mul(inv, prefix[i]);
            inv = T.Mul(inv, points[i].Z);
            var zInv2 = T.Square(zInv);
            result[i] = new AffinePoint<T>(T.Mul(points[i].X, zInv2), T.Mul(points[i].Y, T.Mul(zInv2, zInv)));
        }
    }

    /// <summary>
    /// Sum of [k_i]P_i for public 64-bit k_i and affine P_i (Straus with width-4 signed digits: the
    /// odd multiples P, 3P, 5P, 7P of every point, made affine with one shared inversion, one shared
    /// chain of 65 doublings, and about 13 mixed additions per scalar instead of 32).
    /// </summary>
    public static JacobianPoint<T> MultiMulVartime(ReadOnlySpan<AffinePoint<T>> points, ReadOnlySpan<ulong> scalars)
    {
        const int Multiples = 4;
        const int Digits = 65;
        var n = points.Length;
        var odd = new JacobianPoint<T>[n * Multiples];
        for (var i = 0; i < n; i++)
        {
            var p = points[i].ToJacobian();
            var twice = Double(p);
            odd[Multiples * i] = p;
            for (var m = 1; m < Multiples; m++)
            {
                odd[(Multiples * i) + m] = Add(odd[(Multiples * i) + m - 1], twice);
            }
        }

        var table = new AffinePoint<T>[odd.Length];
        BatchToAffine(odd, table);

        var digits = new sbyte[n * Digits];
        var top = 0;
        for (var i = 0; i < n; i++)
        {
            var k = (UInt128)scalars[i];
            for (var position = 0; k != 0; position++)
            {
                if (((ulong)k & 1) != 0)
                {
                    var digit = (int)((ulong)k & 15);
                    digit = digit >= 8 ? digit - 16 : digit;
                    k = digit >= 0 ? k - (UInt128)(ulong)digit : k + (UInt128)(ulong)(-digit);
                    digits[(i * Digits) + position] = (sbyte)digit;
                    top = Math.Max(top, position);
                }

                k >>= 1;
            }
        }

        var result = Infinity;
        for (var position = top; position >= 0; position--)
        {
            result = Double(result);
            for (var i = 0; i < n; i++)
            {
                int digit = digits[(i * Digits) + position];
                if (digit > 0)
                {
                    result = AddMixed(result, table[(Multiples * i) + ((digit - 1) >> 1)]);
                }
                else if (digit < 0)
                {
                    result = AddMixed(result, AffinePoint<T>.Neg(table[(Multiples * i) + ((-digit - 1) >> 1)]));
                }
            }
        }

        return result;
    }

    /// <summary>Equality of the represented points (cross-multiplied, no inversion).</summary>
    public bool Equals(in JacobianPoint<T> other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity && other.IsInfinity;
        }

        var z1z1 = T.Square(Z);
        var z2z2 = T.Square(other.Z);
        return T.Mul(X, z2z2).Equals(T.Mul(other.X, z1z1))
            && T.Mul(T.Mul(Y, other.Z), z2z2).Equals(T.Mul(T.Mul(other.Y, Z), z1z1));
    }
}
