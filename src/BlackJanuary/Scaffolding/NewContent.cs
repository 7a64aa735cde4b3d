using System.Buffers;
using System.Globalization;
using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;

namespace BlackJanuary.Scaffolding;

/// <summary>
/// Writes new content for editors, as 'hugo new' does: a draft page with its front matter filled
/// in, or an event added to the timeline. Nothing is ever overwritten, and an event is read back
/// with the build's own loader before it is kept, so that a command that succeeds never leaves a
/// timeline the build reads differently from what the editor asked for.
/// </summary>
public static partial class NewContent
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Creates pages/<paramref name="path"/>.md in <paramref name="contentDir"/> as a draft.
    /// <paramref name="path"/> is relative to the pages folder ("about", "history/1990.md");
    /// without a <paramref name="title"/>, one is made from the file name. Returns the file
    /// written, or null after reporting why nothing was.
    /// </summary>
    public static string? CreatePage(string contentDir, string path, string? title, DateOnly today, DiagnosticBag diagnostics)
    {
        if (!ContentFolder.Exists(contentDir, diagnostics))
        {
            return null;
        }

        var pagesDir = Path.Combine(contentDir, "pages");
        if (!Directory.Exists(pagesDir))
        {
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(pagesDir),
                "pages folder not found; create the folder pages/ in the content folder, or pass --content DIR if the content is elsewhere");
            return null;
        }

        if (!SafeFolder.IsReal(pagesDir, diagnostics) || PageSegments(path, pagesDir, diagnostics) is not { } segments)
        {
            return null;
        }

        var folders = segments[..^1];
        var file = Path.Combine([pagesDir, .. folders, segments[^1] + ".md"]);
        var location = new SourceLocation(file);
        title = title?.Trim() ?? TitleFrom(segments);
        if (!IsUsableText("title", title, location, diagnostics))
        {
            return null;
        }

        if (File.Exists(file) || Directory.Exists(file))
        {
            diagnostics.Error(DiagnosticCodes.NewFileExists, location,
                "the page already exists and new never overwrites a file; edit it, or choose another path");
            return null;
        }

        // Another file may already publish this address ("about/index.md" for "about", or a 'slug').
        var url = string.Concat(folders.Append(segments[^1] == "index" ? "" : segments[^1]).Where(s => s.Length > 0).Select(s => s + "/"));
        if (ContentLoader.Load(contentDir, null, includeDrafts: true, new DiagnosticBag())?.Pages.FirstOrDefault(p => p.Path == url && File.Exists(p.SourcePath)) is { } taken)
        {
            diagnostics.Error(DiagnosticCodes.NewFileExists, location,
                $"the address /{url} is already the page {Path.GetRelativePath(contentDir, taken.SourcePath).Replace('\\', '/')}; edit that page, or choose another path");
            return null;
        }

        if (!FoldersAreReal(pagesDir, folders, diagnostics))
        {
            return null;
        }

        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = $"---\ntitle: {YamlScalar(title)}\ndate: {date}\nsummary: \"\"\ndraft: true\n---\n\n";
        return Write(file, Utf8.GetBytes(text), keep: null, location, diagnostics) ? file : null;
    }

    /// <summary>
    /// A YAML scalar that the loader reads back as exactly <paramref name="value"/>: plain when
    /// that is certain to be read as the same text, double-quoted otherwise.
    /// </summary>
    internal static string YamlScalar(string value)
    {
        if (IsPlainSafe(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    sb.Append('\\').Append(c);
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                // Written raw, these would end the line, be taken for a byte-order mark, or be refused by YAML.
                case var _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF':
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// Plain only for letters, digits, spaces and punctuation that means nothing to YAML inside a
    /// value, starting with a letter or digit; ':' and '#' are left out entirely, since ": " and
    /// " #" would end the value, and so is "null", which the loader reads as "not set".
    /// </summary>
    private static bool IsPlainSafe(string value) =>
        value.Length > 0
        && char.IsLetterOrDigit(value[0])
        && value[^1] != ' '
        && value.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or ';' or '!' or '?' or '(' or ')' or '-' or '/' or '\'' or '’' or '–' or '—')
        && value is not ("null" or "Null" or "NULL");

    /// <summary>The segments of a page path, without ".md", or null after reporting why it cannot be used.</summary>
    private static string[]? PageSegments(string path, string pagesDir, DiagnosticBag diagnostics)
    {
        var stem = path.EndsWith(".md", StringComparison.Ordinal) ? path[..^3] : path;
        var segments = stem.Split('/');
        var problem =
            path.Trim().Length == 0 ? "is empty; give a path inside pages/, such as 'about' or 'history/1990'"
            : path.Contains('\0', StringComparison.Ordinal) ? "contains a NUL character; type the path again"
            : path.Contains('\\', StringComparison.Ordinal) ? "contains '\\'; separate folders with '/', as in 'history/1990'"
            : path[0] == '/' || Path.IsPathRooted(path) || (path.Length > 1 && char.IsAsciiLetter(path[0]) && path[1] == ':')
                ? "is absolute; give a path inside pages/, such as 'about' or 'history/1990'"
            : segments.Contains("..") ? "leaves the pages folder ('..'); give a path inside pages/, such as 'history/1990'"
            : segments.Any(s => s is "" or ".") ? "has an empty or '.' name in it; write it like 'history/1990'"
            : NotASlug(segments);
        if (problem is null)
        {
            return segments;
        }

        diagnostics.Error(DiagnosticCodes.NewPathInvalid, new SourceLocation(pagesDir),
            $"the page path '{path.Replace("\0", "\\0", StringComparison.Ordinal)}' {problem}");
        return null;
    }

    /// <summary>
    /// Every name must be a slug once lower-cased, since it becomes part of the URL, and a name
    /// starting with '.' would be a hidden file that the build skips.
    /// </summary>
    private static string? NotASlug(string[] segments)
    {
        var bad = segments.FirstOrDefault(s => !Slug.IsValid(s.ToLowerInvariant()));
        if (bad is null)
        {
            return null;
        }

        var suggestion = Slug.From(bad);
        return $"has the name '{bad}', which is not lower-case letters, digits and single hyphens (names become the page's URL); " +
            (suggestion.Length > 0 ? $"use '{suggestion}'" : "use a name such as 'about'");
    }

    /// <summary>"black-january" → "Black January"; an index page is named after its folder.</summary>
    private static string TitleFrom(string[] segments)
    {
        var name = segments[^1] != "index" ? segments[^1] : segments.Length > 1 ? segments[^2] : "home";
        return string.Join(' ', name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>False after reporting a folder on the way that is a symbolic link, which could lead outside pages/.</summary>
    private static bool FoldersAreReal(string pagesDir, string[] folders, DiagnosticBag diagnostics)
    {
        var dir = pagesDir;
        foreach (var folder in folders)
        {
            dir = Path.Combine(dir, folder);
            if (Directory.Exists(dir) && !SafeFolder.IsReal(dir, diagnostics))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUsableText(string key, string value, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (value.Trim().Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, location, $"'{key}' is empty; give it a value");
            return false;
        }

        if (TextFile.FirstForbiddenCharacter(value) is var bad and >= 0)
        {
            diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, location,
                $"'{key}' contains the control character U+{(int)value[bad]:X4}, which HTML and XML forbid; remove it");
            return false;
        }

        // Text from a command line is decoded by the runtime and always whole; a caller of the
        // engine can still pass half a surrogate pair, which no file can hold.
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != OperationStatus.Done)
            {
                diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, location,
                    $"'{key}' contains half of a UTF-16 surrogate pair, which is not a character; type the text again");
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    /// <summary>
    /// Appends <paramref name="tail"/> to <paramref name="file"/>, or creates the file with it when
    /// <paramref name="keep"/> is null. A file that was opened and then failed is cut back.
    /// </summary>
    private static bool Write(string file, byte[] tail, long? keep, SourceLocation location, DiagnosticBag diagnostics)
    {
        var opened = false;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var stream = new FileStream(file, keep is null ? FileMode.CreateNew : FileMode.Append, FileAccess.Write);
            opened = true;
            stream.Write(tail);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.NewWriteFailed, location, $"cannot write the file: {e.Message}");
            if (opened)
            {
                Undo(file, keep, location, diagnostics);
            }

            return false;
        }
    }

    /// <summary>
    /// Puts the file back: deletes one this command created, or cuts an appended one back to its
    /// old length. Only the end was ever written to, so that restores the original bytes exactly.
    /// </summary>
    private static void Undo(string file, long? keep, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            if (keep is { } length)
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
                stream.SetLength(length);
            }
            else
            {
                File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.NewWriteFailed, location,
                $"cannot put the file back as it was: {e.Message}; restore it from your copy or version control");
        }
    }
}
