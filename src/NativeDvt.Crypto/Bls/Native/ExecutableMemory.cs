using System.Runtime.InteropServices;

namespace NativeDvt.Crypto.Bls.Native;

/// <summary>
/// Copies generated machine code into memory of its own that is then made executable and read-only (never writable
/// and executable at once): mmap + mprotect on Linux, VirtualAlloc + VirtualProtect on Windows. The memory is never
/// freed (one page per kernel, for the life of the process).
/// </summary>
internal static partial class ExecutableMemory
{
    private const int LinuxProtRead = 1;
    private const int LinuxProtWrite = 2;
    private const int LinuxProtExec = 4;
    private const int LinuxMapPrivate = 0x02;
    private const int LinuxMapAnonymous = 0x20;

    private const uint WindowsMemCommit = 0x1000;
    private const uint WindowsMemReserve = 0x2000;
    private const uint WindowsPageReadWrite = 0x04;
    private const uint WindowsPageExecuteRead = 0x20;

    /// <summary>Whether this operating system has an implementation here.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsWindows();

    /// <summary>The address of an executable copy of code, or zero when the system refuses executable memory.</summary>
    public static unsafe nint Load(ReadOnlySpan<byte> code)
    {
        var size = (nuint)((code.Length + 4095) & ~4095);
        if (OperatingSystem.IsLinux())
        {
            var address = Mmap(0, size, LinuxProtRead | LinuxProtWrite, LinuxMapPrivate | LinuxMapAnonymous, -1, 0);
            if (address == -1 || address == 0)
            {
                return 0;
            }

            code.CopyTo(new Span<byte>((void*)address, code.Length));
            return Mprotect(address, size, LinuxProtRead | LinuxProtExec) == 0 ? address : 0;
        }

        if (OperatingSystem.IsWindows())
        {
            var address = VirtualAlloc(0, size, WindowsMemCommit | WindowsMemReserve, WindowsPageReadWrite);
            if (address == 0)
            {
                return 0;
            }

            code.CopyTo(new Span<byte>((void*)address, code.Length));
            return VirtualProtect(address, size, WindowsPageExecuteRead, out _) ? address : 0;
        }

        return 0;
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("kernel32.dll", EntryPoint = "VirtualAlloc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static partial nint VirtualAlloc(nint address, nuint size, uint allocationType, uint protection);

    [LibraryImport("kernel32.dll", EntryPoint = "VirtualProtect")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool VirtualProtect(nint address, nuint size, uint newProtection, out uint oldProtection);
}
