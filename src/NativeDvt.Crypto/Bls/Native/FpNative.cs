using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NativeDvt.Crypto.Bls.Fields;

namespace NativeDvt.Crypto.Bls.Native;

/// <summary>
/// The base-field product as x86-64 machine code generated at start-up (<see cref="FpNativeKernel"/>): .NET has no
/// add-with-carry intrinsic, and the kernel's mulx/adcx/adox chains do in about 440 instructions (78 mulx) what the managed
/// 56-bit-limb product does in about 1,070. Used by <see cref="Fp"/> where the processor has BMI2 and ADX on x86-64
/// Linux, the runtime has not turned BMI2 off, and NDVT_BLS_NATIVE is not "0"; on Windows only with NDVT_BLS_NATIVE=1,
/// because its calling convention's kernels have never run on a Windows machine (a wrong result falls back, a crash
/// would not); the managed code runs everywhere else. Before it is used, the kernel must agree with the managed product
/// on a few fixed values.
/// </summary>
[SkipLocalsInit]
internal static unsafe class FpNative
{
    /// <summary>Whether <see cref="Fp"/> products run the native kernel.</summary>
    public static readonly bool IsEnabled;

    private static readonly delegate* unmanaged[SuppressGCTransition]<Fp*, Fp*, Fp*, void> Product;
    private static readonly delegate* unmanaged[SuppressGCTransition]<Fp*, Fp*, Fp*, Fp*, Fp*, void> ProductSum;
    private static readonly delegate* unmanaged[SuppressGCTransition]<Fp*, Fp*, void> SquareKernel;
    private static readonly delegate* unmanaged[SuppressGCTransition]<Fp2*, Fp2*, Fp2*, void> Fp2Product;
    private static readonly delegate* unmanaged[SuppressGCTransition]<Fp2*, Fp2*, void> Fp2SquareKernel;

#pragma warning disable CA1810 // the fields come from one load and one check
    static FpNative()
#pragma warning restore CA1810
    {
        if (!CanRun())
        {
            return;
        }

        var windows = OperatingSystem.IsWindows();
        var product = ExecutableMemory.Load(FpNativeKernel.Emit(FpNativeKernel.Shape.Product, windows));
        var productSum = ExecutableMemory.Load(FpNativeKernel.Emit(FpNativeKernel.Shape.ProductSum, windows));
        var square = ExecutableMemory.Load(FpNativeKernel.Emit(FpNativeKernel.Shape.Square, windows));
        var fp2Product = ExecutableMemory.Load(FpNativeKernel.Emit(FpNativeKernel.Shape.Fp2Product, windows));
        var fp2Square = ExecutableMemory.Load(FpNativeKernel.Emit(FpNativeKernel.Shape.Fp2Square, windows));
        if (product == 0 || productSum == 0 || square == 0 || fp2Product == 0 || fp2Square == 0)
        {
            return;
        }

        Product = (delegate* unmanaged[SuppressGCTransition]<Fp*, Fp*, Fp*, void>)product;
        ProductSum = (delegate* unmanaged[SuppressGCTransition]<Fp*, Fp*, Fp*, Fp*, Fp*, void>)productSum;
        SquareKernel = (delegate* unmanaged[SuppressGCTransition]<Fp*, Fp*, void>)square;
        Fp2Product = (delegate* unmanaged[SuppressGCTransition]<Fp2*, Fp2*, Fp2*, void>)fp2Product;
        Fp2SquareKernel = (delegate* unmanaged[SuppressGCTransition]<Fp2*, Fp2*, void>)fp2Square;
        IsEnabled = AgreesWithManaged();
    }

    /// <summary>Which base-field product runs here, for benchmark reports.</summary>
    public static string PathName => IsEnabled ? "native mulx/adcx/adox kernel" : "managed 7x56-bit limbs";

    /// <summary>a·b·2^-392 mod p, canonical; operands below 2p with carried limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Mul(in Fp a, in Fp b)
    {
        // Pinned, since the operands may live in the heap; SuppressGCTransition keeps the call a plain call.
        var result = stackalloc ulong[7];
        fixed (Fp* pa = &a, pb = &b)
        {
            Product((Fp*)result, pa, pb);
        }

        return Read(result);
    }

    /// <summary>a·a·2^-392 mod p, canonical; the operand below 2p with carried limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Square(in Fp a)
    {
        var result = stackalloc ulong[7];
        fixed (Fp* pa = &a)
        {
            SquareKernel((Fp*)result, pa);
        }

        return Read(result);
    }

    /// <summary>(a·b + c·d)·2^-392 mod p, canonical; operands below 2p with carried limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp MulSum(in Fp a, in Fp b, in Fp c, in Fp d)
    {
        var result = stackalloc ulong[7];
        fixed (Fp* pa = &a, pb = &b, pc = &c, pd = &d)
        {
            ProductSum((Fp*)result, pa, pb, pc, pd);
        }

        return Read(result);
    }

    /// <summary>The GF(p^2) product a·b, canonical; coordinates below 2p with carried limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulFp2(in Fp2 a, in Fp2 b)
    {
        var result = stackalloc ulong[14];
        fixed (Fp2* pa = &a, pb = &b)
        {
            Fp2Product((Fp2*)result, pa, pb);
        }

        return new Fp2(Read(result), Read(result + 7));
    }

    /// <summary>The GF(p^2) square, canonical; coordinates below 2p with carried limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 SquareFp2(in Fp2 a)
    {
        var result = stackalloc ulong[14];
        fixed (Fp2* pa = &a)
        {
            Fp2SquareKernel((Fp2*)result, pa);
        }

        return new Fp2(Read(result), Read(result + 7));
    }

    // The kernel's seven 8-byte stores read back as seven 8-byte loads: a copy of the struct as a whole would use
    // 32-byte loads, which cannot be forwarded from the narrower stores and stall.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp Read(ulong* r) => new(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);

    private static bool CanRun() =>
        Environment.GetEnvironmentVariable("NDVT_BLS_NATIVE") is var choice && choice != "0"
        && (!OperatingSystem.IsWindows() || choice == "1")
        && RuntimeInformation.ProcessArchitecture == Architecture.X64
        && ExecutableMemory.IsSupported
        && Bmi2.X64.IsSupported
        && HasAdx();

    // CPUID leaf 7, sub-leaf 0: EBX bit 19 is ADX (adcx/adox), bit 8 BMI2 (mulx).
    private static bool HasAdx() => X86Base.IsSupported && (X86Base.CpuId(7, 0).Ebx & ((1 << 19) | (1 << 8))) == ((1 << 19) | (1 << 8));

    // A kernel that differs from the managed product on any of these values is not used.
    private static bool AgreesWithManaged()
    {
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < 32; i++)
        {
            var a = NextElement(ref state, i);
            var b = NextElement(ref state, i + 1);
            var c = NextElement(ref state, i + 2);
            var d = NextElement(ref state, i + 3);
            if (!Mul(a, b).Equals(Fp.MulManaged(a, b)) || !MulSum(a, b, c, d).Equals(Fp.MulSumManaged(a, b, c, d))
                || !Square(a).Equals(Fp.SquareManaged(a))
                || !MulFp2(new Fp2(a, b), new Fp2(c, d)).Equals(Fp2.MulManaged(new Fp2(a, b), new Fp2(c, d)))
                || !SquareFp2(new Fp2(a, b)).Equals(Fp2.SquareManaged(new Fp2(a, b))))
            {
                return false;
            }
        }

        return true;
    }

    // Canonical values from a xorshift sequence; every fourth is p - 1, the largest.
    private static Fp NextElement(ref ulong state, int i)
    {
        if (i % 4 == 3)
        {
            return new Fp(0xFEFFFFFFFFAAAA, 0xFFFEB153FFFFB9, 0xA0F6B0F6241EAB, 0xF38512BF6730D2, 0x4BACD764774B84, 0xE69A4B1BA7B643, 0x001A0111EA397F);
        }

        Span<ulong> limbs = stackalloc ulong[7];
        for (var k = 0; k < 7; k++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            limbs[k] = state >> 8;
        }

        // Below 2^380 < p.
        limbs[6] &= (1UL << 44) - 1;
        return new Fp(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5], limbs[6]);
    }
}
