namespace NativeDvt.Crypto.Bls.Lanes;

/// <summary>GF(p^2) in lanes (<see cref="FpLaneOps"/>).</summary>
internal readonly unsafe struct Fp2LaneField : ILaneField
{
    public static int Words => FpLaneOps.Fp2Words;

    public static void Mul(ulong* a, ulong* b, ulong* r) => FpLaneOps.Fp2Mul(a, b, r);

    public static void Square(ulong* a, ulong* r) => FpLaneOps.Fp2Square(a, r);

    public static void Add(ulong* a, ulong* b, ulong* r) => FpLaneOps.Fp2Add(a, b, r);

    public static void Sub(ulong* a, ulong* b, ulong* r) => FpLaneOps.Fp2Sub(a, b, r);

    public static uint ZeroLanes(ulong* a) => FpLaneOps.Fp2ZeroLanes(a);
}
