using System.Text;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Reading;

/// <summary>Reads content and template files with the limits that untrusted input needs.</summary>
public static class TextFile
{
    /// <summary>Larger text files are almost certainly a mistake (or an attack) in a hand-written site.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A data file (people.csv) may hold a register of 100,000 names: its own, larger limit.</summary>
    public const long MaxDataBytes = 256 * 1024 * 1024;

    /// <summary>Returns the text with any byte-order mark removed, or null after reporting why not.</summary>
    /// <param name="maxBytes">The limit of this kind of file: <see cref="MaxBytes"/>, or <see cref="MaxDataBytes"/> for a data file.</param>
    public static string? Read(string path, DiagnosticBag diagnostics, long maxBytes = MaxBytes)
    {
        byte[] bytes;
        try
        {
            if (SpecialFile.Refused(path, diagnostics))
            {
                return null;
            }

            // The attributes come from the lstat that FileInfo makes once; LinkTarget would read the link too.
            var info = new FileInfo(path);
            if (info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                diagnostics.Error(DiagnosticCodes.UnsafePath, new SourceLocation(path),
                    "the file is a symbolic link; content and templates must be real files inside their folders");
                return null;
            }

            if (info.Length > maxBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, new SourceLocation(path),
                    $"file is {info.Length / 1024} KiB; files of this kind are limited to {maxBytes / 1024 / 1024} MiB: split it or move data elsewhere");
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(path), $"cannot read the file: {e.Message}");
            return null;
        }

        return Decode(bytes, path, diagnostics);
    }

    internal static string? Decode(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            var (offset, line, column) = LocateInvalidByte(bytes, start);
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, new SourceLocation(path, line, column),
                $"the file is not valid UTF-8 at byte {offset} (0x{bytes[offset]:X2}){EncodingHint(bytes)}; save it as UTF-8 in your editor");
            return null;
        }

        // Only CR LF and CR become LF: other Unicode line separators stay, so that line numbers in
        // messages match what editors count.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var bad = FirstForbiddenCharacter(text);
        if (bad >= 0)
        {
            var lineStart = bad == 0 ? 0 : text.LastIndexOf('\n', bad - 1) + 1;
            var line = 1 + text.AsSpan(0, bad).Count('\n');
            diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, new SourceLocation(path, line, bad - lineStart + 1),
                $"the file contains the invisible control character U+{(int)text[bad]:X4}, which HTML and XML forbid; delete it (it often comes from text pasted from a word processor)");
            return null;
        }

        return text;
    }

    /// <summary>
    /// The index of the first character that may not appear in HTML or XML text: C0 controls other
    /// than tab and line feed, DEL and C1 controls, and the noncharacters U+FFFE and U+FFFF.
    /// </summary>
    public static int FirstForbiddenCharacter(string text) => text.AsSpan().IndexOfAny(Forbidden);

    // Every file is searched: a vectorised search for the set instead of a test of each character.
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x9F - 0x7F + 1).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>
    /// Finds the first byte that does not decode: its offset in the file (counting from 0, any
    /// byte-order mark included, as hex viewers show it) and the line and character before it.
    /// </summary>
    private static (int Offset, int Line, int Column) LocateInvalidByte(byte[] bytes, int start)
    {
        int line = 1, column = 1, i = start;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out var length) != System.Buffers.OperationStatus.Done)
            {
                return (i, line, column);
            }

            var newline = bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'));
            if (newline)
            {
                line++;
                column = 1;
            }
            else if (bytes[i] != (byte)'\r')
            {
                column++;
            }

            i += length;
        }

        // Only reached if the decoder refused what Rune accepts; blame the last byte rather than
        // point past the end.
        return (bytes.Length - 1, line, column);
    }

    /// <summary>
    /// Windows editors still save "Unicode" as UTF-16, whose byte-order mark is never valid UTF-8;
    /// naming it tells the editor which setting to change.
    /// </summary>
    private static string EncodingHint(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? ": it looks like UTF-16"
            : "";
}
