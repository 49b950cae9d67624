namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic SmallTestStruct {A: uint16, B: uint16}.</summary>
[SszContainer(SnakeCaseNames = false)]
internal sealed partial record SmallTestStruct(ushort A, ushort B);
