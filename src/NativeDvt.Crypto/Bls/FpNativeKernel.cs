using static NativeDvt.Crypto.Bls.X64Register;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// Emits the x86-64 machine code of the native base-field product (see <see cref="FpNative"/>):
/// <c>void kernel(Fp* result, Fp* a, Fp* b)</c>, a·b·2^-392 mod p, or with two products
/// <c>void kernel(Fp* result, Fp* a, Fp* b, Fp* c, Fp* d)</c>, (a·b + c·d)·2^-392 mod p, or the square
/// <c>void kernel(Fp* result, Fp* a)</c> (the product with one operand regrouped, not two), in the Montgomery form of
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
/// Bounds (p &lt; 2^381): with operands below 2p (or two products of operands below 2p), T stays below 5p &lt; 2^384
/// between rows and T + row + m·p below 2^448, so seven words never carry out; the result after the 2^-384
/// reduction is below 2p, after the 8-bit step below (2p + 255p)/256 &lt; 1.004p, and one subtraction of p by a
/// borrow chain and conditional moves makes it canonical. No branch and no memory access depends on the values.
/// </remarks>
internal static class FpNativeKernel
{
    // p in 64-bit words, low to high.
    private static readonly ulong[] P =
    [
        0xB9FEFFFFFFFFAAAB, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A,
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

    /// <summary>
    /// The kernel for one product (products = 1), a sum of two (products = 2) or a square (products = 1, square), for
    /// the given calling convention.
    /// </summary>
    public static byte[] Emit(int products, bool windowsAbi, bool square = false)
    {
        if (products is not (1 or 2) || (square && products != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(products));
        }

        var e = new X64Encoder();
        var p = new X64Operand[6];
        for (var j = 0; j < 6; j++)
        {
            p[j] = e.AddConstant(P[j]);
        }

        var pInverse = e.AddConstant(PInverse);
        var operands = square ? 1 : 2 * products;
        var frame = 48 * operands;

        // From here on: result pointer in rdi, operand pointers in rsi, rdx, rcx, r8 (the System V order).
        if (windowsAbi)
        {
            // Windows x64 passes rcx, rdx, r8, r9, then the stack (above the return address and 32 bytes of shadow
            // space), and rsi and rdi are callee-saved there.
            if (products == 2)
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

        X64Register[] operandPointers = [Rsi, Rdx, Rcx, R8];
        for (var k = 0; k < operands; k++)
        {
            EmitToWords(e, operandPointers[k], 48 * k);
        }

        var t = Accumulator.ToList();
        e.Xor(ZeroRegister, ZeroRegister);
        for (var i = 0; i < 6; i++)
        {
            for (var q = 0; q < products; q++)
            {
                e.Mov(Rdx, X64Operand.Memory(Rsp, (48 * (square ? 0 : (2 * q) + 1)) + (8 * i)));
                if (i == 0 && q == 0)
                {
                    EmitFirstRow(e, t);
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
                    EmitMultiplyAdd(e, t, j, X64Operand.Memory(Rsp, (48 * 2 * q) + (8 * j)));
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

        EmitToLimbs(e, s, t[0], t[1], t[2]);

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

    // T = a·b_0 while T is still zero: the high halves go straight into T_(j+1), the low halves are added on one chain.
    private static void EmitFirstRow(X64Encoder e, List<X64Register> t)
    {
        e.Mulx(t[1], t[0], X64Operand.Memory(Rsp, 0));
        for (var j = 1; j < 6; j++)
        {
            e.Mulx(t[j + 1], Low, X64Operand.Memory(Rsp, 8 * j));
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

    // Seven 56-bit limbs at [source] to six 64-bit words at [rsp + offset]: word k = L_k >> 8k | L_(k+1) << (56 - 8k)
    // (the limbs below 2^56 do not overlap).
    private static void EmitToWords(X64Encoder e, X64Register source, int offset)
    {
        X64Register[] limbs = [Rax, Rbx, Rbp, R9, R10, R11, R12];
        X64Register[] temporaries = [R13, R14, R15];
        for (var k = 0; k < 7; k++)
        {
            e.Mov(limbs[k], X64Operand.Memory(source, 8 * k));
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
    private static void EmitToLimbs(X64Encoder e, X64Register[] words, X64Register scratch, X64Register temporary0, X64Register temporary1)
    {
        const X64Register mask = R15;
        e.MovImmediate(mask, LimbMask);
        e.Mov(scratch, words[0]);
        e.And(scratch, mask);
        e.Store(X64Operand.Memory(Rdi, 0), scratch);
        for (var k = 1; k < 6; k++)
        {
            EmitShiftRightDouble(e, words[k - 1], words[k], (byte)(64 - (8 * k)), k % 2 == 0 ? temporary0 : temporary1);
            e.And(words[k - 1], mask);
            e.Store(X64Operand.Memory(Rdi, 8 * k), words[k - 1]);
        }

        e.Shr(words[5], 16);
        e.Store(X64Operand.Memory(Rdi, 48), words[5]);
    }
}
