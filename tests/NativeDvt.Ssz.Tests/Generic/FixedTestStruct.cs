namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic FixedTestStruct {A: uint8, B: uint64, C: uint32}.</summary>
[SszContainer(SnakeCaseNames = false)]
internal sealed partial record FixedTestStruct(byte A, ulong B, uint C);
