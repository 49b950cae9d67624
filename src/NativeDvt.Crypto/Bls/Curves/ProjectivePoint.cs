using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Curves;

/// <summary>
/// A point in homogeneous projective coordinates (X/Z, Y/Z) with the complete formulas of
/// Renes-Costello-Batina (2016, algorithms 7 and 9 for a = 0): one code path for every input,
/// infinity (0:1:0) included, so scalar multiplication by a secret runs in constant time.
/// </summary>
internal readonly struct ProjectivePoint<T>
    where T : struct, IFieldElement<T>
{
    public readonly T X;
    public readonly T Y;
    public readonly T Z;

    public ProjectivePoint(in T x, in T y, in T z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static ProjectivePoint<T> Infinity => new(T.Zero, T.One, T.Zero);

    public static ProjectivePoint<T> FromAffine(in AffinePoint<T> p) => p.IsInfinity ? Infinity : new(p.X, p.Y, T.One);

    /// <summary>Complete addition; on G2 with its products in AVX-512 lane batches when available (<see cref="G2Batched"/>).</summary>
    public static ProjectivePoint<T> Add(in ProjectivePoint<T> p, in ProjectivePoint<T> q)
    {
        if (typeof(T) == typeof(Fp2) && G2Batched.Pays)
        {
            var sum = G2Batched.Add(
                Unsafe.As<ProjectivePoint<T>, ProjectivePoint<Fp2>>(ref Unsafe.AsRef(in p)),
                Unsafe.As<ProjectivePoint<T>, ProjectivePoint<Fp2>>(ref Unsafe.AsRef(in q)));
            return Unsafe.As<ProjectivePoint<Fp2>, ProjectivePoint<T>>(ref sum);
        }

        return AddScalar(p, q);
    }

    /// <summary>Complete addition, one field operation at a time.</summary>
    internal static ProjectivePoint<T> AddScalar(in ProjectivePoint<T> p, in ProjectivePoint<T> q)
    {
        var t0 = T.Mul(p.X, q.X);
        var t1 = T.Mul(p.Y, q.Y);
        var t2 = T.Mul(p.Z, q.Z);
        var t3 = T.Mul(T.Add(p.X, p.Y), T.Add(q.X, q.Y));
        var t4 = T.Add(t0, t1);
        t3 = T.Sub(t3, t4);
        t4 = T.Mul(T.Add(p.Y, p.Z), T.Add(q.Y, q.Z));
        var x3 = T.Add(t1, t2);
        t4 = T.Sub(t4, x3);
        x3 = T.Mul(T.Add(p.X, p.Z), T.Add(q.X, q.Z));
        var y3 = T.Add(t0, t2);
        y3 = T.Sub(x3, y3);
        t0 = T.MulSmall(t0, 3);
        t2 = T.MulByCurveB3(t2);
        var z3 = T.Add(t1, t2);
        t1 = T.Sub(t1, t2);
        y3 = T.MulByCurveB3(y3);
        x3 = T.Mul(t4, y3);
        t2 = T.Mul(t3, t1);
        x3 = T.Sub(t2, x3);
        y3 = T.Mul(y3, t0);
        t1 = T.Mul(t1, z3);
        y3 = T.Add(t1, y3);
        t0 = T.Mul(t0, t3);
        z3 = T.Mul(z3, t4);
        z3 = T.Add(z3, t0);
        return new ProjectivePoint<T>(x3, y3, z3);
    }

    /// <summary>Complete doubling; on G2 with its products in AVX-512 lane batches when available (<see cref="G2Batched"/>).</summary>
    public static ProjectivePoint<T> Double(in ProjectivePoint<T> p)
    {
        if (typeof(T) == typeof(Fp2) && G2Batched.Pays)
        {
            var doubled = G2Batched.Double(Unsafe.As<ProjectivePoint<T>, ProjectivePoint<Fp2>>(ref Unsafe.AsRef(in p)));
            return Unsafe.As<ProjectivePoint<Fp2>, ProjectivePoint<T>>(ref doubled);
        }

        return DoubleScalar(p);
    }

    /// <summary>Complete doubling, one field operation at a time.</summary>
    internal static ProjectivePoint<T> DoubleScalar(in ProjectivePoint<T> p)
    {
        var t0 = T.Square(p.Y);
        var z3 = T.MulSmall(t0, 8);
        var t1 = T.Mul(p.Y, p.Z);
        var t2 = T.MulByCurveB3(T.Square(p.Z));
        var x3 = T.Mul(t2, z3);
        var y3 = T.Add(t0, t2);
        z3 = T.Mul(t1, z3);
        t2 = T.MulSmall(t2, 3);
        t0 = T.Sub(t0, t2);
        y3 = T.Mul(t0, y3);
        y3 = T.Add(x3, y3);
        t1 = T.Mul(p.X, p.Y);
        x3 = T.Mul(t0, t1);
        x3 = T.Double(x3);
        return new ProjectivePoint<T>(x3, y3, z3);
    }

    /// <summary>
    /// [k]p for a secret 32-byte big-endian scalar: fixed 4-bit windows, every window reads the
    /// whole table with masks, and every step is one complete doubling or addition.
    /// </summary>
    public static ProjectivePoint<T> MulConstantTime(in AffinePoint<T> p, ReadOnlySpan<byte> scalar)
    {
        var table = new ProjectivePoint<T>[16];
        table[0] = Infinity;
        table[1] = FromAffine(p);
        for (var i = 2; i < 16; i++)
        {
            table[i] = Add(table[i - 1], table[1]);
        }

        var result = Infinity;
        for (var i = 0; i < scalar.Length * 2; i++)
        {
            if (i > 0)
            {
                result = Double(Double(Double(Double(result))));
            }

            var nibble = (uint)((i & 1) == 0 ? scalar[i >> 1] >> 4 : scalar[i >> 1] & 0x0F);
            result = Add(result, Lookup(table, nibble));
        }

        return result;
    }

    public AffinePoint<T> ToAffine()
    {
        if (Z.IsZero)
        {
            return AffinePoint<T>.Infinity;
        }

        var zInv = T.Inverse(Z);
        return new AffinePoint<T>(T.Mul(X, zInv), T.Mul(Y, zInv));
    }

    /// <summary>
    /// Affine coordinates of a secret-derived point with a blinded variable-time inversion:
    /// 1/Z = ρ/(Zρ) for a random non-zero ρ, so the inversion's input is uniform and independent of Z.
    /// </summary>
    public AffinePoint<T> ToAffineBlinded(in T blind)
    {
        if (Z.IsZero)
        {
            return AffinePoint<T>.Infinity;
        }

        var zInv = T.Mul(T.InverseVartime(T.Mul(Z, blind)), blind);
        return new AffinePoint<T>(T.Mul(X, zInv), T.Mul(Y, zInv));
    }

    /// <summary>table[index], reading every entry with masks.</summary>
    public static ProjectivePoint<T> Lookup(ReadOnlySpan<ProjectivePoint<T>> table, uint index)
    {
        var x = T.Zero;
        var y = T.Zero;
        var z = T.Zero;
        for (var i = 0u; i < (uint)table.Length; i++)
        {
            var mask = ConstantTime.EqualMask(i, index);
            x = T.Select(x, table[(int)i].X, mask);
            y = T.Select(y, table[(int)i].Y, mask);
            z = T.Select(z, table[(int)i].Z, mask);
        }

        return new ProjectivePoint<T>(x, y, z);
    }
}
