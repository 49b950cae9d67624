namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic SingleFieldTestStruct {A: uint8}.</summary>
[SszContainer(SnakeCaseNames = false)]
internal sealed partial record SingleFieldTestStruct(byte A);
