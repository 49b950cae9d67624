namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>ssz_generic BitsStruct {A: Bitlist[5], B: Bitvector[2], C: Bitvector[1], D: Bitlist[6], E: Bitvector[8]}.</summary>
[SszContainer(SnakeCaseNames = false)]
internal sealed partial record BitsStruct(
    [SszBitlist(5)] bool[] A,
    [SszBitvector(2)] bool[] B,
    [SszBitvector(1)] bool[] C,
    [SszBitlist(6)] bool[] D,
    [SszBitvector(8)] bool[] E);
