namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>GF(p) in lanes: <see cref="FpLanes"/> products and <see cref="FpLaneOps"/> additions.</summary>
internal readonly unsafe struct FpLaneField : ILaneField
{
    public static int Words => FpLanes.BatchWords;

    public static void Mul(ulong* a, ulong* b, ulong* r) => FpLanes.Mul(a, b, r);

    public static void Square(ulong* a, ulong* r) => FpLanes.Mul(a, a, r);

    public static void Add(ulong* a, ulong* b, ulong* r) => FpLaneOps.Add(a, b, r);

    public static void Sub(ulong* a, ulong* b, ulong* r) => FpLaneOps.Sub(a, b, r);

    public static uint ZeroLanes(ulong* a) => FpLaneOps.ZeroLanes(a);
}
