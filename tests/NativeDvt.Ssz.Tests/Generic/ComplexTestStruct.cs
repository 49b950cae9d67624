namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>
/// ssz_generic ComplexTestStruct {A: uint16, B: List[uint16, 128], C: uint8, D: List[uint8, 256],
/// E: VarTestStruct, F: Vector[FixedTestStruct, 4], G: Vector[VarTestStruct, 2]}.
/// </summary>
[SszContainer(SnakeCaseNames = false)]
internal sealed partial record ComplexTestStruct(
    ushort A,
    [SszList(128)] IReadOnlyList<ushort> B,
    byte C,
    [SszList(256)] IReadOnlyList<byte> D,
    VarTestStruct E,
    [SszVector(4)] IReadOnlyList<FixedTestStruct> F,
    [SszVector(2)] IReadOnlyList<VarTestStruct> G);
