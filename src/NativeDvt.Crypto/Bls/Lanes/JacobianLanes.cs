using System.Runtime.CompilerServices;
using NativeDvt.Crypto.Bls.Curves;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// Jacobian curve arithmetic (y^2 = x^3 + b) on eight independent points at once, one per AVX-512
/// lane: the formulas of <see cref="JacobianPoint{T}"/> (dbl-2009-l, madd-2007-bl) over an
/// <see cref="ILaneField"/>. A workspace (<see cref="WorkspaceWords"/>, 64-byte aligned) holds the
/// affine base (x2, y2), the running point (X, Y, Z) and eight temporaries. For public data.
/// </summary>
[SkipLocalsInit]
internal static unsafe class JacobianLanes<T>
    where T : struct, ILaneField
{
    private const int Slots = 13;

    /// <summary>Words of a workspace.</summary>
    public static int WorkspaceWords => Slots * T.Words;

    public static ulong* BaseX(ulong* workspace) => workspace;

    public static ulong* BaseY(ulong* workspace) => workspace + T.Words;

    public static ulong* X(ulong* workspace) => workspace + (2 * T.Words);

    public static ulong* Y(ulong* workspace) => workspace + (3 * T.Words);

    public static ulong* Z(ulong* workspace) => workspace + (4 * T.Words);

    /// <summary>
    /// [k](x2, y2) into (X, Y, Z) in every lane, for a public k > 0, double-and-add from the top set bit
    /// with mixed additions. The caller fills the base and sets (X, Y, Z) = (x2, y2, 1). Returns the lanes
    /// where an addition met an exceptional case (running point at infinity, or equal to ± the base),
    /// whose results are void: the caller redoes those lanes with the scalar code.
    /// </summary>
    public static uint MulVartime(ulong* workspace, ulong k)
    {
        var exceptional = 0u;
        for (var bit = 62 - System.Numerics.BitOperations.LeadingZeroCount(k); bit >= 0; bit--)
        {
            Double(workspace);
            if (((k >> bit) & 1) != 0)
            {
                exceptional |= AddMixed(workspace);
            }
        }

        return exceptional;
    }

    /// <summary>dbl-2009-l in every lane.</summary>
    private static void Double(ulong* workspace)
    {
        var x = X(workspace);
        var y = Y(workspace);
        var z = Z(workspace);
        var a = workspace + (5 * T.Words);
        var b = a + T.Words;
        var c = b + T.Words;
        var d = c + T.Words;
        var e = d + T.Words;
        var f = e + T.Words;

        // Z3 = 2 Y Z first, while Y is intact.
        T.Mul(y, z, z);
        T.Add(z, z, z);
        T.Square(x, a);
        T.Square(y, b);
        T.Square(b, c);

        // d = 2((X + b)^2 - a - c), e = 3a, f = e^2.
        T.Add(x, b, d);
        T.Square(d, d);
        T.Sub(d, a, d);
        T.Sub(d, c, d);
        T.Add(d, d, d);
        T.Add(a, a, e);
        T.Add(e, a, e);
        T.Square(e, f);

        // X3 = f - 2d, Y3 = e(d - X3) - 8c.
        T.Add(d, d, x);
        T.Sub(f, x, x);
        T.Sub(d, x, d);
        T.Mul(e, d, y);
        T.Add(c, c, c);
        T.Add(c, c, c);
        T.Add(c, c, c);
        T.Sub(y, c, y);
    }

    /// <summary>madd-2007-bl in every lane; returns the lanes where it does not apply (Z1 = 0 or h = 0).</summary>
    private static uint AddMixed(ulong* workspace)
    {
        var x2 = BaseX(workspace);
        var y2 = BaseY(workspace);
        var x = X(workspace);
        var y = Y(workspace);
        var z = Z(workspace);
        var z1z1 = workspace + (5 * T.Words);
        var u2 = z1z1 + T.Words;
        var s2 = u2 + T.Words;
        var h = s2 + T.Words;
        var hh = h + T.Words;
        var i = hh + T.Words;
        var j = i + T.Words;
        var v = j + T.Words;
        var exceptional = T.ZeroLanes(z);
        T.Square(z, z1z1);
        T.Mul(x2, z1z1, u2);
        T.Mul(y2, z, s2);
        T.Mul(s2, z1z1, s2);
        T.Sub(u2, x, h);
        exceptional |= T.ZeroLanes(h);
        T.Square(h, hh);
        T.Add(hh, hh, i);
        T.Add(i, i, i);
        T.Mul(h, i, j);
        T.Mul(x, i, v);

        // r = 2(s2 - Y1), kept in s2.
        T.Sub(s2, y, s2);
        T.Add(s2, s2, s2);

        // Z3 = (Z1 + h)^2 - z1z1 - hh.
        T.Add(z, h, z);
        T.Square(z, z);
        T.Sub(z, z1z1, z);
        T.Sub(z, hh, z);

        // 2 Y1 j into u2, before Y is overwritten.
        T.Mul(y, j, u2);
        T.Add(u2, u2, u2);

        // X3 = r^2 - j - 2v, Y3 = r(v - X3) - 2 Y1 j.
        T.Square(s2, x);
        T.Sub(x, j, x);
        T.Sub(x, v, x);
        T.Sub(x, v, x);
        T.Sub(v, x, v);
        T.Mul(s2, v, y);
        T.Sub(y, u2, y);
        return exceptional;
    }
}
