using NativeDvt.Crypto.Bls.Native;
using static NativeDvt.Crypto.Bls.Native.X64Register;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>
/// The native kernel's encoder against byte sequences written from the Intel SDM vol. 2 (REX = 0100WRXB; ModRM =
/// mod reg r/m; VEX C4 = inverted R X B + map, then W, inverted vvvv, L, pp), one instruction per case, with the
/// registers chosen to exercise REX.R / REX.B, the SIB byte of [rsp]/[r12] and the forced displacement of [rbp]/[r13].
/// </summary>
[Trait("Category", "Unit")]
public sealed class X64EncoderTests
{
    public static TheoryData<string, string> Instructions => new()
    {
        // mulx rax, rcx, rbx: C4, ~R~X~B = 111 + map 00010 = E2, W=1 ~vvvv(rcx=0001)=1110 L=0 pp=11 (F2) = F3, F6, ModRM 11 000 011.
        { "mulx rax, rcx, rbx", "C4 E2 F3 F6 C3" },
        // mulx r10, r11, [rsp+8]: ~R = 0 (r10), vvvv = r11 = 1011 -> 0100; ModRM 01 010 100, SIB 24, disp8.
        { "mulx r10, r11, [rsp+8]", "C4 62 A3 F6 54 24 08" },
        // mulx r10, r11, [r13]: ~B = 0; r13 with mod 00 would mean rip: mod 01 with disp8 0.
        { "mulx r10, r11, [r13]", "C4 42 A3 F6 55 00" },
        { "adcx rbx, r11", "66 49 0F 38 F6 DB" },
        { "adox r9, r11", "F3 4D 0F 38 F6 CB" },
        { "adcx r8, [rsp+48]", "66 4C 0F 38 F6 44 24 30" },
        { "adox r15, [r12+256]", "F3 4D 0F 38 F6 BC 24 00 01 00 00" },
        { "or rax, rbx", "48 0B C3" },
        { "shl r12, 8", "49 C1 E4 08" },
        { "shr rdx, 56", "48 C1 EA 38" },
        { "mov rdx, [rsp+56]", "48 8B 54 24 38" },
        { "mov [rdi+48], r14", "4C 89 77 30" },
        { "mov r13, [r12]", "4D 8B 2C 24" },
        { "mov rax, [rbp]", "48 8B 45 00" },
        // mov r, r/m (8B /r): the destination in ModRM.reg.
        { "mov rdi, rcx", "48 8B F9" },
        { "movabs r15, 2^56-1", "49 BF FF FF FF FF FF FF FF 00" },
        { "sub rsp, 192", "48 81 EC C0 00 00 00" },
        { "add rsp, 192", "48 81 C4 C0 00 00 00" },
        { "push r12", "41 54" },
        { "pop r12", "41 5C" },
        { "push rbx", "53" },
        { "ret", "C3" },
        { "cmovb r13, rsi", "4C 0F 42 EE" },
        { "sbb r14, [rsp+16]", "4C 1B 74 24 10" },
        { "sub rbx, r8", "49 2B D8" },
        { "xor r12, r12", "4D 33 E4" },
        { "and r9, r15", "4D 23 CF" },
        { "imul rdx, r9", "49 0F AF D1" },
        { "add r8, rdx", "4C 03 C2" },
        { "adc r10, rax", "4C 13 D0" },
    };

    [Theory]
    [MemberData(nameof(Instructions))]
    public void Encoder_Instruction_MatchesManualEncoding(string instruction, string expectedHex)
    {
        var e = new X64Encoder();
        Emit(e, instruction);
        Assert.Equal(expectedHex.Replace(" ", ""), Convert.ToHexString(Code(e)));
    }

    [Fact]
    public void Encoder_ConstantOperand_IsRipRelativeToTheInstructionEnd()
    {
        var e = new X64Encoder();
        e.Ret();
        var constant = e.AddConstant(0x0123456789ABCDEF);
        e.Imul(Rdx, constant);
        e.Ret();
        var image = e.ToArray();
        // ret; imul rdx, [rip + disp32] (48 0F AF 15 disp32) ends at 9; padded to 16, the constant is at 16: disp 7.
        Assert.Equal("C3480FAF1507000000C3CCCCCCCCCCCCEFCDAB8967452301", Convert.ToHexString(image));
    }

    private static byte[] Code(X64Encoder e) => e.ToArray().AsSpan().TrimEnd((byte)0xCC).ToArray();

    private static void Emit(X64Encoder e, string instruction)
    {
        switch (instruction)
        {
            case "mulx rax, rcx, rbx": e.Mulx(Rax, Rcx, Rbx); break;
            case "mulx r10, r11, [rsp+8]": e.Mulx(R10, R11, X64Operand.Memory(Rsp, 8)); break;
            case "mulx r10, r11, [r13]": e.Mulx(R10, R11, X64Operand.Memory(R13, 0)); break;
            case "adcx rbx, r11": e.Adcx(Rbx, R11); break;
            case "adox r9, r11": e.Adox(R9, R11); break;
            case "adcx r8, [rsp+48]": e.Adcx(R8, X64Operand.Memory(Rsp, 48)); break;
            case "adox r15, [r12+256]": e.Adox(R15, X64Operand.Memory(R12, 256)); break;
            case "or rax, rbx": e.Or(Rax, Rbx); break;
            case "shl r12, 8": e.Shl(R12, 8); break;
            case "shr rdx, 56": e.Shr(Rdx, 56); break;
            case "mov rdx, [rsp+56]": e.Mov(Rdx, X64Operand.Memory(Rsp, 56)); break;
            case "mov [rdi+48], r14": e.Store(X64Operand.Memory(Rdi, 48), R14); break;
            case "mov r13, [r12]": e.Mov(R13, X64Operand.Memory(R12, 0)); break;
            case "mov rax, [rbp]": e.Mov(Rax, X64Operand.Memory(Rbp, 0)); break;
            case "mov rdi, rcx": e.Mov(Rdi, Rcx); break;
            case "movabs r15, 2^56-1": e.MovImmediate(R15, (1UL << 56) - 1); break;
            case "sub rsp, 192": e.SubImmediate(Rsp, 192); break;
            case "add rsp, 192": e.AddImmediate(Rsp, 192); break;
            case "push r12": e.Push(R12); break;
            case "pop r12": e.Pop(R12); break;
            case "push rbx": e.Push(Rbx); break;
            case "ret": e.Ret(); break;
            case "cmovb r13, rsi": e.Cmovb(R13, Rsi); break;
            case "sbb r14, [rsp+16]": e.Sbb(R14, X64Operand.Memory(Rsp, 16)); break;
            case "sub rbx, r8": e.Sub(Rbx, R8); break;
            case "xor r12, r12": e.Xor(R12, R12); break;
            case "and r9, r15": e.And(R9, R15); break;
            case "imul rdx, r9": e.Imul(Rdx, R9); break;
            case "add r8, rdx": e.Add(R8, Rdx); break;
            case "adc r10, rax": e.Adc(R10, Rax); break;
            default: throw new ArgumentException(instruction);
        }
    }
}
