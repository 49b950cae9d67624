namespace NativeDvt.Crypto.Bls.Native;

/// <summary>
/// The r/m operand of an x86-64 instruction: a register, a 64-bit word at [base + displacement], or one of the
/// encoder's constants, addressed relative to the instruction pointer (the constants follow the code).
/// </summary>
internal readonly struct X64Operand
{
    private X64Operand(OperandKind kind, X64Register register, int displacement)
    {
        Kind = kind;
        Register = register;
        Displacement = displacement;
    }

    public enum OperandKind
    {
        Register,
        Memory,
        Constant,
    }

    public OperandKind Kind { get; }

    /// <summary>The register, or the base register of a memory operand.</summary>
    public X64Register Register { get; }

    /// <summary>The byte displacement of a memory operand, or the index of a constant.</summary>
    public int Displacement { get; }

    public static X64Operand Of(X64Register register) => new(OperandKind.Register, register, 0);

    public static X64Operand Memory(X64Register baseRegister, int displacement) => new(OperandKind.Memory, baseRegister, displacement);

    public static X64Operand Constant(int index) => new(OperandKind.Constant, default, index);

    public static implicit operator X64Operand(X64Register register) => Of(register);
}
