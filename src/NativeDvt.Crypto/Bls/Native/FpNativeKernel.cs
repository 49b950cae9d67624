using NativeDvt.Crypto.Bls.Fields;
using static NativeDvt.Crypto.Bls.Native.X64Register;

namespace NativeDvt.Crypto.Bls.Native;

/// <summary>
/// Emits the x86-64 machine code of the native base-field product (see <see cref="FpNative"/>):
/// a·b, a·a, a·b + c·d or a GF(p^2) product (<see cref="Shape"/>), times 2^-392 mod p: the Montgomery form of
/// <see cref="Fp"/> (seven 56-bit limbs, R = 2^392), canonical out.
/// </summary>
/// <remarks>
/// The operands are regrouped into six 64-bit words on entry (they must be below 2^382 with limbs 0-5 carried
/// below 2^56, which every <see cref="Fp"/> product operand is). The product is the coarsely integrated operand
/// scanning form (CIOS) of Montgomery multiplication with 64-bit digits: per digit b_i, the row a·b_i is added to
/// the accumulator T (seven words) and then m·p with m = T_0·(-1/p) mod 2^64, which clears T_0, and T moves down
/// a word. Each row runs two independent carry chains, the low halves of the `mulx` products on OF (`adox`) and
/// the high halves on CF (`adcx`), so no carry has to wait for the other chain. After six digits T =
/// a·b·2^-384 mod p; one more step with an 8-bit m (T + m·p, shifted right by 8) gives the R = 2^392 product.
/// Bounds (p &lt; 2^381): with operands below 2p (or two products of operands below 2p, or one product of operands
/// below 4p), T stays below 5p &lt; 2^384 between rows and T + row + m·p below 2^448, so seven words never carry out;
/// the result after the 2^-384 reduction is below 3p, after the 8-bit step below (3p + 255p)/256 &lt; 1.008p, and one
/// subtraction of p by a borrow chain and conditional moves makes it canonical. No branch and no memory access depends on the values.
/// </remarks>
internal static class FpNativeKernel
{
    // p in 64-bit words, low to high.
    private static readonly ulong[] P =
    [
        0xB9FEFFFFFFFFAAAB, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A,
    ];

    // 2p in 64-bit words, low to high.
    private static readonly ulong[] TwoP =
    [
        0x73FDFFFFFFFF5556, 0x3D57FFFD62A7FFFF, 0xCE61A541ED61EC48, 0xC8EE9709E70A257E, 0x96374F6C869759AE, 0x340223D472FFCD34,
    ];

    // -1/p mod 2^64; its low byte is -1/p mod 2^8 for the final 8-bit step.
    private const ulong PInverse = 0x89F3FFFCFFFCFFFD;

    private const ulong LimbMask = (1UL << 56) - 1;

    // The 64-bit registers the body uses: the accumulator (rotating: the cleared low word becomes the new top word),
    // the two halves of a mulx product, and a register held at zero for folding the last carry.
    private static readonly X64Register[] Accumulator = [Rax, Rbx, Rcx, Rsi, Rbp, R8, R9];
    private const X64Register High = R10;
    private const X64Register Low = R11;
    private const X64Register ZeroRegister = R12;

    /// <summary>The shapes of kernel emitted.</summary>
    public enum Shape
    {
        /// <summary><c>void(Fp* result, Fp* a, Fp* b)</c>: a·b.</summary>
        Product,

        /// <summary><c>void(Fp* result, Fp* a)</c>: a·a (the product with one operand regrouped, not two).</summary>
        Square,

        /// <summary><c>void(Fp* result, Fp* a, Fp* b, Fp* c, Fp* d)</c>: a·b + c·d.</summary>
        ProductSum,

        /// <summary>
        /// <c>void(Fp2* result, Fp2* a, Fp2* b)</c>: the GF(p^2) product (a0·b0 + (2p - a1)·b1) + (a0·b1 + a1·b0)·u, the
        /// four coordinates regrouped once for both sums of products.
        /// </summary>
        Fp2Product,

        /// <summary>
        /// <c>void(Fp2* result, Fp2* a)</c>: the GF(p^2) square (a0 + a1)·(a0 + 2p - a1) + (2·a0)·a1·u, its operands
        /// formed in the kernel (below 4p, which the bounds allow).
        /// </summary>
        Fp2Square,
    }

    /// <summary>The kernel of the given shape for the given calling convention.</summary>
    public static byte[] Emit(Shape shape, bool windowsAbi)
    {
        var e = new X64Encoder();
        var p = new X64Operand[6];
        for (var j = 0; j < 6; j++)
        {
            p[j] = e.AddConstant(P[j]);
        }

        var pInverse = e.AddConstant(PInverse);
        var slots = shape switch
        {
            Shape.Square => 1,
            Shape.Product => 2,
            Shape.ProductSum => 4,
            _ => 5,
        };
        var frame = 48 * slots;

        // From here on: result pointer in rdi, operand pointers in rsi, rdx, rcx, r8 (the System V order).
        if (windowsAbi)
        {
            // Windows x64 passes rcx, rdx, r8, r9, then the stack (above the return address and 32 bytes of shadow
            // space), and rsi and rdi are callee-saved there.
            if (shape == Shape.ProductSum)
            {
                e.Mov(Rax, X64Operand.Memory(Rsp, 40));
            }

            e.Push(Rsi);
            e.Push(Rdi);
            e.Mov(Rdi, Rcx);
            e.Mov(Rsi, Rdx);
            e.Mov(Rdx, R8);
            e.Mov(Rcx, R9);
            e.Mov(R8, Rax);
        }

        X64Register[] calleeSaved = [Rbx, Rbp, R12, R13, R14, R15];
        foreach (var r in calleeSaved)
        {
            e.Push(r);
        }

        e.SubImmediate(Rsp, frame);

        switch (shape)
        {
            case Shape.Square:
                EmitToWords(e, Rsi, 0, 0);
                EmitMontgomery(e, [(0, 0)], 0, p, pInverse);
                break;
            case Shape.Product:
                EmitToWords(e, Rsi, 0, 0);
                EmitToWords(e, Rdx, 0, 1);
                EmitMontgomery(e, [(0, 1)], 0, p, pInverse);
                break;
            case Shape.ProductSum:
                EmitToWords(e, Rsi, 0, 0);
                EmitToWords(e, Rdx, 0, 1);
                EmitToWords(e, Rcx, 0, 2);
                EmitToWords(e, R8, 0, 3);
                EmitMontgomery(e, [(0, 1), (2, 3)], 0, p, pInverse);
                break;
            case Shape.Fp2Square:
                // Slots: a0, a1, a0 + a1, a0 + 2p - a1, 2·a0.
                EmitToWords(e, Rsi, 0, 0);
                EmitToWords(e, Rsi, 56, 1);
                EmitSum(e, 0, 1, 2);
                EmitTwoPMinus(e, 1, 3, e.AddConstants(TwoP));
                EmitSum(e, 3, 0, 3);
                EmitSum(e, 0, 0, 4);
                EmitMontgomery(e, [(2, 3)], 0, p, pInverse);
                EmitMontgomery(e, [(4, 1)], 56, p, pInverse);
                break;
            default:
                // Slots: a0, a1, b0, b1, 2p - a1 (below 2p for any operand below 2p, so no negative value).
                EmitToWords(e, Rsi, 0, 0);
                EmitToWords(e, Rsi, 56, 1);
                EmitToWords(e, Rdx, 0, 2);
                EmitToWords(e, Rdx, 56, 3);
                EmitTwoPMinus(e, 1, 4, e.AddConstants(TwoP));
                EmitMontgomery(e, [(0, 2), (4, 3)], 0, p, pInverse);
                EmitMontgomery(e, [(0, 3), (1, 2)], 56, p, pInverse);
                break;
        }

        e.AddImmediate(Rsp, frame);
        for (var k = calleeSaved.Length - 1; k >= 0; k--)
        {
            e.Pop(calleeSaved[k]);
        }

        if (windowsAbi)
        {
            e.Pop(Rdi);
            e.Pop(Rsi);
        }

        e.Ret();
        return e.ToArray();
    }

    // The sum of the products of the slot pairs (one or two), times 2^-392 mod p, canonical, as 56-bit limbs at
    // [rdi + output]. Uses every register but rdi and rsp.
    private static void EmitMontgomery(X64Encoder e, (int A, int B)[] pairs, int output, X64Operand[] p, X64Operand pInverse)
    {
        var t = Accumulator.ToList();
        e.Xor(ZeroRegister, ZeroRegister);
        for (var i = 0; i < 6; i++)
        {
            for (var q = 0; q < pairs.Length; q++)
            {
                var (a, b) = pairs[q];
                e.Mov(Rdx, X64Operand.Memory(Rsp, (48 * b) + (8 * i)));
                if (i == 0 && q == 0)
                {
                    EmitFirstRow(e, t, 48 * a);
                    continue;
                }

                if (q == 0)
                {
                    // Clears the new top word and both carry flags.
                    e.Xor(t[6], t[6]);
                }
                else
                {
                    e.Xor(Low, Low);
                }

                for (var j = 0; j < 6; j++)
                {
                    EmitMultiplyAdd(e, t, j, X64Operand.Memory(Rsp, (48 * a) + (8 * j)));
                }

                e.Adox(t[6], ZeroRegister);
            }

            e.Mov(Rdx, t[0]);
            e.Imul(Rdx, pInverse);
            e.Xor(Low, Low);
            for (var j = 0; j < 6; j++)
            {
                EmitMultiplyAdd(e, t, j, p[j]);
            }

            e.Adox(t[6], ZeroRegister);

            // T_0 is now zero: T moves down a word and its register becomes the next top word.
            var cleared = t[0];
            t.RemoveAt(0);
            t.Add(cleared);
        }

        // The extra 8-bit step: T + m·p with m = T_0·(-1/p) mod 2^8 is divisible by 2^8.
        e.Mov(Rdx, t[0]);
        e.Imul(Rdx, pInverse);
        e.Shl(Rdx, 56);
        e.Shr(Rdx, 56);
        e.Xor(t[6], t[6]);
        for (var j = 0; j < 6; j++)
        {
            EmitMultiplyAdd(e, t, j, p[j]);
        }

        e.Adox(t[6], ZeroRegister);
        X64Register[] temporaries = [High, Low, R13];
        for (var j = 0; j < 6; j++)
        {
            EmitShiftRightDouble(e, t[j], t[j + 1], 8, temporaries[j % 3]);
        }

        // T - p into s; where that borrows (T < p), T itself.
        X64Register[] s = [t[6], High, Low, ZeroRegister, R13, R14];
        for (var j = 0; j < 6; j++)
        {
            e.Mov(s[j], t[j]);
        }

        e.Sub(s[0], p[0]);
        for (var j = 1; j < 6; j++)
        {
            e.Sbb(s[j], p[j]);
        }

        for (var j = 0; j < 6; j++)
        {
            e.Cmovb(s[j], t[j]);
        }

        EmitToLimbs(e, s, output, t[0], t[1], t[2]);
    }

    // Slot target = slot x + slot y, by a carry chain (the sums here stay below 4p < 2^384).
    private static void EmitSum(X64Encoder e, int x, int y, int target)
    {
        X64Register[] words = [Rax, Rbx, Rcx, Rbp, R9, R10];
        for (var j = 0; j < 6; j++)
        {
            e.Mov(words[j], X64Operand.Memory(Rsp, (48 * x) + (8 * j)));
        }

        e.Add(words[0], X64Operand.Memory(Rsp, 48 * y));
        for (var j = 1; j < 6; j++)
        {
            e.Adc(words[j], X64Operand.Memory(Rsp, (48 * y) + (8 * j)));
        }

        for (var j = 0; j < 6; j++)
        {
            e.Store(X64Operand.Memory(Rsp, (48 * target) + (8 * j)), words[j]);
        }
    }

    // Slot target = 2p - slot source, by a borrow chain (the source is below 2p).
    private static void EmitTwoPMinus(X64Encoder e, int source, int target, X64Operand[] twoP)
    {
        X64Register[] words = [Rax, Rbx, Rcx, Rbp, R9, R10];
        for (var j = 0; j < 6; j++)
        {
            e.Mov(words[j], twoP[j]);
        }

        e.Sub(words[0], X64Operand.Memory(Rsp, 48 * source));
        for (var j = 1; j < 6; j++)
        {
            e.Sbb(words[j], X64Operand.Memory(Rsp, (48 * source) + (8 * j)));
        }

        for (var j = 0; j < 6; j++)
        {
            e.Store(X64Operand.Memory(Rsp, (48 * target) + (8 * j)), words[j]);
        }
    }

    // T = a·b_0 while T is still zero: the high halves go straight into T_(j+1), the low halves are added on one chain.
    private static void EmitFirstRow(X64Encoder e, List<X64Register> t, int a)
    {
        e.Mulx(t[1], t[0], X64Operand.Memory(Rsp, a));
        for (var j = 1; j < 6; j++)
        {
            e.Mulx(t[j + 1], Low, X64Operand.Memory(Rsp, a + (8 * j)));
            if (j == 1)
            {
                e.Add(t[j], Low);
            }
            else
            {
                e.Adc(t[j], Low);
            }
        }

        e.Adc(t[6], ZeroRegister);
    }

    // T_j + low(rdx·x) on the OF chain, T_(j+1) + high(rdx·x) on the CF chain.
    private static void EmitMultiplyAdd(X64Encoder e, List<X64Register> t, int j, X64Operand x)
    {
        e.Mulx(High, Low, x);
        e.Adox(t[j], Low);
        e.Adcx(t[j + 1], High);
    }

    // destination = destination >> count | source << (64 - count): shrd, but as three single-cycle instructions and a
    // move (shrd issues only every 1.5 cycles on Zen 3, measured, and the kernel had 23 of them).
    private static void EmitShiftRightDouble(X64Encoder e, X64Register destination, X64Register source, byte count, X64Register temporary)
    {
        e.Mov(temporary, source);
        e.Shl(temporary, (byte)(64 - count));
        e.Shr(destination, count);
        e.Or(destination, temporary);
    }

    // Seven 56-bit limbs at [source + displacement] to six 64-bit words in a slot at [rsp + 48·slot]:
    // word k = L_k >> 8k | L_(k+1) << (56 - 8k) (the limbs below 2^56 do not overlap).
    private static void EmitToWords(X64Encoder e, X64Register source, int displacement, int slot)
    {
        var offset = 48 * slot;
        X64Register[] limbs = [Rax, Rbx, Rbp, R9, R10, R11, R12];
        X64Register[] temporaries = [R13, R14, R15];
        for (var k = 0; k < 7; k++)
        {
            e.Mov(limbs[k], X64Operand.Memory(source, displacement + (8 * k)));
        }

        for (var k = 0; k < 6; k++)
        {
            var temporary = temporaries[k % 3];
            e.Mov(temporary, limbs[k + 1]);
            e.Shl(temporary, (byte)(56 - (8 * k)));
            if (k > 0)
            {
                e.Shr(limbs[k], (byte)(8 * k));
            }

            e.Or(limbs[k], temporary);
            e.Store(X64Operand.Memory(Rsp, offset + (8 * k)), limbs[k]);
        }
    }

    // Six 64-bit words in registers (destroyed) to seven 56-bit limbs at [rdi]: limb k starts at bit 56k, i.e. in
    // word 7k/8 at bit 64 - 8k of the previous word's shift.
    private static void EmitToLimbs(X64Encoder e, X64Register[] words, int output, X64Register scratch, X64Register temporary0, X64Register temporary1)
    {
        const X64Register mask = R15;
        e.MovImmediate(mask, LimbMask);
        e.Mov(scratch, words[0]);
        e.And(scratch, mask);
        e.Store(X64Operand.Memory(Rdi, output), scratch);
        for (var k = 1; k < 6; k++)
        {
            EmitShiftRightDouble(e, words[k - 1], words[k], (byte)(64 - (8 * k)), k % 2 == 0 ? temporary0 : temporary1);
            e.And(words[k - 1], mask);
            e.Store(X64Operand.Memory(Rdi, output + (8 * k)), words[k - 1]);
        }

        e.Shr(words[5], 16);
        e.Store(X64Operand.Memory(Rdi, output + 48), words[5]);
    }
}
