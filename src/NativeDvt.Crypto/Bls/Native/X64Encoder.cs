namespace NativeDvt.Crypto.Bls.Native;

/// <summary>
/// A minimal x86-64 encoder for the few instructions of the native Montgomery product (<see cref="FpNativeKernel"/>),
/// written from the encoding rules of the Intel SDM vol. 2 (chapter 2: REX, ModRM, SIB, VEX) and each instruction's
/// opcode table. All arithmetic is on 64-bit registers (REX.W). Constants (64-bit words) are laid out after the code
/// and addressed relative to the instruction pointer.
/// </summary>
internal sealed class X64Encoder
{
    private readonly List<byte> _code = [];
    private readonly List<ulong> _constants = [];
    private readonly List<(int Position, int End, int Index)> _constantReferences = [];

    /// <summary>Adds a 64-bit constant and returns the operand that reads it.</summary>
    public X64Operand AddConstant(ulong value)
    {
        _constants.Add(value);
        return X64Operand.Constant(_constants.Count - 1);
    }

    /// <summary>Adds 64-bit constants and returns the operands that read them.</summary>
    public X64Operand[] AddConstants(IEnumerable<ulong> values) => values.Select(AddConstant).ToArray();

    /// <summary>The code, padded to 8 bytes, followed by the constants, with every constant reference resolved.</summary>
    public byte[] ToArray()
    {
        var codeLength = (_code.Count + 7) & ~7;
        var image = new byte[codeLength + (8 * _constants.Count)];
        _code.CopyTo(image);
        for (var i = _code.Count; i < codeLength; i++)
        {
            image[i] = 0xCC; // int3: never executed, the code ends with ret
        }

        for (var i = 0; i < _constants.Count; i++)
        {
            BitConverter.TryWriteBytes(image.AsSpan(codeLength + (8 * i)), _constants[i]);
        }

        foreach (var (position, end, index) in _constantReferences)
        {
            BitConverter.TryWriteBytes(image.AsSpan(position), codeLength + (8 * index) - end);
        }

        return image;
    }

    public void Push(X64Register r)
    {
        if ((int)r >= 8)
        {
            _code.Add(0x41);
        }

        _code.Add((byte)(0x50 + ((int)r & 7)));
    }

    public void Pop(X64Register r)
    {
        if ((int)r >= 8)
        {
            _code.Add(0x41);
        }

        _code.Add((byte)(0x58 + ((int)r & 7)));
    }

    public void Ret() => _code.Add(0xC3);

    /// <summary>mov r, r/m (REX.W 8B /r).</summary>
    public void Mov(X64Register destination, X64Operand source) => Legacy(null, [0x8B], (int)destination, source, null);

    /// <summary>mov m, r (REX.W 89 /r).</summary>
    public void Store(X64Operand destination, X64Register source) => Legacy(null, [0x89], (int)source, destination, null);

    /// <summary>mov r, imm64 (REX.W B8+r io).</summary>
    public void MovImmediate(X64Register destination, ulong value)
    {
        _code.Add((byte)(0x48 | ((int)destination >> 3)));
        _code.Add((byte)(0xB8 + ((int)destination & 7)));
        for (var i = 0; i < 8; i++)
        {
            _code.Add((byte)(value >> (8 * i)));
        }
    }

    /// <summary>xor r, r/m (REX.W 33 /r); xor r, r also clears CF and OF.</summary>
    public void Xor(X64Register destination, X64Operand source) => Legacy(null, [0x33], (int)destination, source, null);

    /// <summary>and r, r/m (REX.W 23 /r).</summary>
    public void And(X64Register destination, X64Operand source) => Legacy(null, [0x23], (int)destination, source, null);

    /// <summary>add r, r/m (REX.W 03 /r).</summary>
    public void Add(X64Register destination, X64Operand source) => Legacy(null, [0x03], (int)destination, source, null);

    /// <summary>adc r, r/m (REX.W 13 /r).</summary>
    public void Adc(X64Register destination, X64Operand source) => Legacy(null, [0x13], (int)destination, source, null);

    /// <summary>sub r, r/m (REX.W 2B /r).</summary>
    public void Sub(X64Register destination, X64Operand source) => Legacy(null, [0x2B], (int)destination, source, null);

    /// <summary>sbb r, r/m (REX.W 1B /r).</summary>
    public void Sbb(X64Register destination, X64Operand source) => Legacy(null, [0x1B], (int)destination, source, null);

    /// <summary>imul r, r/m: the low 64 bits of the product (REX.W 0F AF /r).</summary>
    public void Imul(X64Register destination, X64Operand source) => Legacy(null, [0x0F, 0xAF], (int)destination, source, null);

    /// <summary>cmovb (cmovc) r, r/m: move if CF = 1 (REX.W 0F 42 /r).</summary>
    public void Cmovb(X64Register destination, X64Operand source) => Legacy(null, [0x0F, 0x42], (int)destination, source, null);

    /// <summary>adcx r, r/m: add with CF as the only carry in and out (66 REX.W 0F 38 F6 /r).</summary>
    public void Adcx(X64Register destination, X64Operand source) => Legacy(0x66, [0x0F, 0x38, 0xF6], (int)destination, source, null);

    /// <summary>adox r, r/m: add with OF as the only carry in and out (F3 REX.W 0F 38 F6 /r).</summary>
    public void Adox(X64Register destination, X64Operand source) => Legacy(0xF3, [0x0F, 0x38, 0xF6], (int)destination, source, null);

    /// <summary>shl r, imm8 (REX.W C1 /4 ib).</summary>
    public void Shl(X64Register destination, byte count) => Legacy(null, [0xC1], 4, destination, count);

    /// <summary>shr r, imm8 (REX.W C1 /5 ib).</summary>
    public void Shr(X64Register destination, byte count) => Legacy(null, [0xC1], 5, destination, count);

    /// <summary>or r, r/m (REX.W 0B /r).</summary>
    public void Or(X64Register destination, X64Operand source) => Legacy(null, [0x0B], (int)destination, source, null);

    /// <summary>sub r, imm32 sign-extended (REX.W 81 /5 id).</summary>
    public void SubImmediate(X64Register destination, int value) => Legacy(null, [0x81], 5, destination, null, value);

    /// <summary>add r, imm32 sign-extended (REX.W 81 /0 id).</summary>
    public void AddImmediate(X64Register destination, int value) => Legacy(null, [0x81], 0, destination, null, value);

    /// <summary>
    /// mulx high, low, r/m: high:low = rdx · r/m, flags untouched (VEX.LZ.F2.0F38.W1 F6 /r: ModRM.reg is the high
    /// destination, VEX.vvvv the low one).
    /// </summary>
    public void Mulx(X64Register high, X64Register low, X64Operand source)
    {
        var (rexX, rexB) = OperandRexBits(source);
        _code.Add(0xC4);
        // Inverted R, X, B, then the opcode map 0F38 (m-mmmm = 00010).
        _code.Add((byte)(((~((int)high >> 3) & 1) << 7) | ((~rexX & 1) << 6) | ((~rexB & 1) << 5) | 0x02));
        // W = 1, inverted vvvv, L = 0, pp = 11 (F2).
        _code.Add((byte)(0x80 | ((~(int)low & 0xF) << 3) | 0x03));
        _code.Add(0xF6);
        ModRm((int)high, source, 0);
    }

    private void Legacy(byte? prefix, byte[] opcode, int reg, X64Operand rm, byte? immediate8, int? immediate32 = null)
    {
        if (prefix is { } p)
        {
            _code.Add(p);
        }

        var (rexX, rexB) = OperandRexBits(rm);
        _code.Add((byte)(0x48 | ((reg >> 3) << 2) | (rexX << 1) | rexB));
        _code.AddRange(opcode);
        var trailing = immediate8 is null ? immediate32 is null ? 0 : 4 : 1;
        ModRm(reg, rm, trailing);
        if (immediate8 is { } i8)
        {
            _code.Add(i8);
        }

        if (immediate32 is { } i32)
        {
            for (var i = 0; i < 4; i++)
            {
                _code.Add((byte)(i32 >> (8 * i)));
            }
        }
    }

    private static (int X, int B) OperandRexBits(X64Operand rm) =>
        rm.Kind == X64Operand.OperandKind.Constant ? (0, 0) : (0, (int)rm.Register >> 3);

    // ModRM (and SIB and displacement): trailing is the size of the immediate that ends the instruction, so that an
    // instruction-pointer-relative displacement counts from the instruction's end.
    private void ModRm(int reg, X64Operand rm, int trailing)
    {
        var regBits = (reg & 7) << 3;
        switch (rm.Kind)
        {
            case X64Operand.OperandKind.Register:
                _code.Add((byte)(0xC0 | regBits | ((int)rm.Register & 7)));
                break;
            case X64Operand.OperandKind.Constant:
                // mod = 00, r/m = 101: [rip + disp32].
                _code.Add((byte)(0x05 | regBits));
                _constantReferences.Add((_code.Count, _code.Count + 4 + trailing, rm.Displacement));
                _code.AddRange(new byte[4]);
                break;
            default:
                var baseBits = (int)rm.Register & 7;
                var displacement = rm.Displacement;
                // [rbp]/[r13] with mod = 00 would mean [rip + disp32]: they always take a displacement.
                var mod = displacement == 0 && baseBits != 5 ? 0 : displacement is >= sbyte.MinValue and <= sbyte.MaxValue ? 1 : 2;
                _code.Add((byte)((mod << 6) | regBits | baseBits));
                if (baseBits == 4)
                {
                    // r/m = 100 (rsp, r12) needs a SIB byte: no index, that base.
                    _code.Add(0x24);
                }

                if (mod == 1)
                {
                    _code.Add((byte)(sbyte)displacement);
                }
                else if (mod == 2)
                {
                    for (var i = 0; i < 4; i++)
                    {
                        _code.Add((byte)(displacement >> (8 * i)));
                    }
                }

                break;
        }
    }
}
