using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>
/// The vector operations the lane kernels need, over a vector of <see cref="Count"/> 64-bit lanes. The kernels are
/// written once against this and specialised per implementation by the JIT (struct type arguments), so the
/// AVX-512, AVX2 and portable paths run the same algorithm; only the instructions differ.
/// </summary>
internal unsafe interface ILaneVector<TVec>
    where TVec : unmanaged
{
    static abstract int Count { get; }

    static abstract TVec Load(ulong* source);

    static abstract void Store(ulong* destination, TVec value);

    static abstract TVec Create(ulong value);

    static abstract TVec Add(TVec a, TVec b);

    static abstract TVec Subtract(TVec a, TVec b);

    static abstract TVec And(TVec a, TVec b);

    static abstract TVec Or(TVec a, TVec b);

    static abstract TVec ShiftLeft(TVec a, int count);

    static abstract TVec ShiftRightLogical(TVec a, int count);

    /// <summary>Each lane shifted right as a signed value (the borrows of limb differences).</summary>
    static abstract TVec ShiftRightArithmetic(TVec a, int count);

    /// <summary>The low 32 bits of each lane of a times those of b, as a 64-bit product (vpmuludq).</summary>
    static abstract TVec MultiplyLow32(TVec a, TVec b);

    /// <summary>a where the mask lane is all ones, b where it is zero.</summary>
    static abstract TVec Select(TVec mask, TVec a, TVec b);

    /// <summary>Bit k set iff lane k is zero.</summary>
    static abstract uint ZeroLanes(TVec a);
}

/// <summary>Eight lanes with AVX-512F.</summary>
internal readonly unsafe struct Avx512Lanes : ILaneVector<Vector512<ulong>>
{
    public static int Count => 8;

    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Load(ulong* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ulong* destination, Vector512<ulong> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Create(ulong value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Add(Vector512<ulong> a, Vector512<ulong> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Subtract(Vector512<ulong> a, Vector512<ulong> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> And(Vector512<ulong> a, Vector512<ulong> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Or(Vector512<ulong> a, Vector512<ulong> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> ShiftLeft(Vector512<ulong> a, int count) => Vector512.ShiftLeft(a, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> ShiftRightLogical(Vector512<ulong> a, int count) => Vector512.ShiftRightLogical(a, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> ShiftRightArithmetic(Vector512<ulong> a, int count) => Vector512.ShiftRightArithmetic(a.AsInt64(), count).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> MultiplyLow32(Vector512<ulong> a, Vector512<ulong> b) => Avx512F.Multiply(a.AsUInt32(), b.AsUInt32());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Select(Vector512<ulong> mask, Vector512<ulong> a, Vector512<ulong> b) => Vector512.ConditionalSelect(mask, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroLanes(Vector512<ulong> a) => (uint)Vector512.Equals(a, Vector512<ulong>.Zero).ExtractMostSignificantBits();
}

/// <summary>Four lanes with AVX2 (x86-64 without AVX-512): an eight-lane row is handled as two halves.</summary>
internal readonly unsafe struct Avx2Lanes : ILaneVector<Vector256<ulong>>
{
    public static int Count => 4;

    public static bool IsSupported => Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Load(ulong* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ulong* destination, Vector256<ulong> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Create(ulong value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Add(Vector256<ulong> a, Vector256<ulong> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Subtract(Vector256<ulong> a, Vector256<ulong> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> And(Vector256<ulong> a, Vector256<ulong> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Or(Vector256<ulong> a, Vector256<ulong> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> ShiftLeft(Vector256<ulong> a, int count) => Vector256.ShiftLeft(a, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> ShiftRightLogical(Vector256<ulong> a, int count) => Vector256.ShiftRightLogical(a, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> ShiftRightArithmetic(Vector256<ulong> a, int count) => Vector256.ShiftRightArithmetic(a.AsInt64(), count).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> MultiplyLow32(Vector256<ulong> a, Vector256<ulong> b) => Avx2.Multiply(a.AsUInt32(), b.AsUInt32());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Select(Vector256<ulong> mask, Vector256<ulong> a, Vector256<ulong> b) => Vector256.ConditionalSelect(mask, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroLanes(Vector256<ulong> a) => Vector256.Equals(a, Vector256<ulong>.Zero).ExtractMostSignificantBits();
}

/// <summary>
/// Eight lanes in portable <see cref="Vector512{T}"/> operations, the 32x32 -> 64-bit product as a masked 64-bit
/// product: runs on every machine (in software where there is no AVX-512), so the kernels' AVX-512 shape (eight
/// lanes, one pass per row) is checked by the tests everywhere. Not used for speed.
/// </summary>
internal readonly unsafe struct PortableLanes : ILaneVector<Vector512<ulong>>
{
    public static int Count => 8;

    public static Vector512<ulong> Load(ulong* source) => Vector512.Load(source);

    public static void Store(ulong* destination, Vector512<ulong> value) => value.Store(destination);

    public static Vector512<ulong> Create(ulong value) => Vector512.Create(value);

    public static Vector512<ulong> Add(Vector512<ulong> a, Vector512<ulong> b) => a + b;

    public static Vector512<ulong> Subtract(Vector512<ulong> a, Vector512<ulong> b) => a - b;

    public static Vector512<ulong> And(Vector512<ulong> a, Vector512<ulong> b) => a & b;

    public static Vector512<ulong> Or(Vector512<ulong> a, Vector512<ulong> b) => a | b;

    public static Vector512<ulong> ShiftLeft(Vector512<ulong> a, int count) => Vector512.ShiftLeft(a, count);

    public static Vector512<ulong> ShiftRightLogical(Vector512<ulong> a, int count) => Vector512.ShiftRightLogical(a, count);

    public static Vector512<ulong> ShiftRightArithmetic(Vector512<ulong> a, int count) => Vector512.ShiftRightArithmetic(a.AsInt64(), count).AsUInt64();

    public static Vector512<ulong> MultiplyLow32(Vector512<ulong> a, Vector512<ulong> b)
    {
        var low = Vector512.Create(0xFFFF_FFFFUL);
        return (a & low) * (b & low);
    }

    public static Vector512<ulong> Select(Vector512<ulong> mask, Vector512<ulong> a, Vector512<ulong> b) => Vector512.ConditionalSelect(mask, a, b);

    public static uint ZeroLanes(Vector512<ulong> a) => (uint)Vector512.Equals(a, Vector512<ulong>.Zero).ExtractMostSignificantBits();
}
