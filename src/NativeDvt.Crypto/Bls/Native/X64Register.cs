namespace NativeDvt.Crypto.Bls.Native;

/// <summary>x86-64 general-purpose registers, numbered as the instruction encodings number them (Intel SDM vol. 2, table 2-2).</summary>
internal enum X64Register
{
    Rax = 0,
    Rcx = 1,
    Rdx = 2,
    Rbx = 3,
    Rsp = 4,
    Rbp = 5,
    Rsi = 6,
    Rdi = 7,
    R8 = 8,
    R9 = 9,
    R10 = 10,
    R11 = 11,
    R12 = 12,
    R13 = 13,
    R14 = 14,
    R15 = 15,
}
