using System.Text;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Content;

/// <summary>Reads content and template files with the limits that untrusted input needs.</summary>
public static class TextFile
{
    /// <summary>Larger text files are almost certainly a mistake (or an attack) in a hand-written site.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the text with any byte-order mark removed, or null after reporting why not.</summary>
    public static string? Read(string path, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                diagnostics.Error(DiagnosticCodes.UnsafePath, new SourceLocation(path),
                    "the file is a symbolic link; content and templates must be real files inside their folders");
                return null;
            }

            if (info.Length > MaxBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, new SourceLocation(path),
                    $"file is {info.Length / 1024} KiB; text files are limited to {MaxBytes / 1024 / 1024} MiB: split it or move data elsewhere");
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(path), $"cannot read the file: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(path), $"cannot read the file: {e.Message}");
            return null;
        }

        return Decode(bytes, path, diagnostics);
    }

    internal static string? Decode(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start).ReplaceLineEndings("\n");
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = LocateInvalidByte(bytes, start);
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, new SourceLocation(path, line, column),
                "the file is not valid UTF-8; save it as UTF-8 in your editor");
            return null;
        }
    }

    /// <summary>Finds the first byte that does not decode, counting lines and characters before it.</summary>
    private static (int Line, int Column) LocateInvalidByte(byte[] bytes, int start)
    {
        int line = 1, column = 1, i = start;
        while (i < bytes.Length)
        {
            // Decode exactly one scalar: the lead byte tells its length.
            var length = bytes[i] < 0x80 ? 1 : bytes[i] < 0xE0 ? 2 : bytes[i] < 0xF0 ? 3 : 4;
            if (i + length > bytes.Length || !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(i, length)))
            {
                return (line, column);
            }

            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            i += length;
        }

        return (line, column);
    }
}
