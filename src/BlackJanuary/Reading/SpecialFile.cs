using System.Runtime.InteropServices;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Reading;

/// <summary>
/// Tells a named pipe, a socket or a device from a regular file without opening it. .NET shows
/// them all as ordinary files, and opening one to read waits for a writer that never comes (a
/// FIFO) or reads without end (/dev/zero): a pull request that adds one would hang the build.
/// </summary>
internal static partial class SpecialFile
{
    /// <summary>
    /// What <paramref name="path"/> is when it is neither a regular file, a folder nor a symbolic
    /// link ("a named pipe (FIFO)"); null for those, for a path that does not exist, and on
    /// Windows, whose file systems hold no such files.
    /// </summary>
    public static string? KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // lstat, as .NET itself calls it: the mode keeps the POSIX type bits as they are.
        if (LStat(path, out var status) != 0)
        {
            return null;
        }

        return (status.Mode & 0xF000) switch
        {
            0x8000 or 0x4000 or 0xA000 => null,
            0x1000 => "a named pipe (FIFO)",
            0xC000 => "a socket",
            0x2000 => "a character device",
            0x6000 => "a block device",
            _ => "a special file",
        };
    }

    /// <summary>True, after reporting it, when <paramref name="path"/> is a special file that must not be opened.</summary>
    public static bool Refused(string path, DiagnosticBag diagnostics)
    {
        if (KindOf(path) is not { } kind)
        {
            return false;
        }

        diagnostics.Error(DiagnosticCodes.NotARegularFile, new SourceLocation(path),
            $"this is {kind}, not a regular file, and reading it could wait for ever; content and themes may hold only regular files and folders, so delete it");
        return true;
    }

    /// <summary>The start of .NET's own FileStatus (System.Native's pal_io.h); the rest of it is room the call may fill.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Status
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, out Status status);
}
