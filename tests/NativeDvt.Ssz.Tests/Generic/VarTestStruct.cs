namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic VarTestStruct {A: uint16, B: List[uint16, 1024], C: uint8}.</summary>
[SszContainer(SnakeCaseNames = false)]
internal sealed partial record VarTestStruct(ushort A, [SszList(1024)] IReadOnlyList<ushort> B, byte C);
