using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// Which files of content/media/ the site publishes. A media file is served from the memorial's
/// own origin, so an HTML page, a script or an SVG with script there would run with the site's
/// authority. Only passive types are published, each recognised by its bytes as well as its name:
/// a file whose content is not what its extension says is refused, because a host or browser
/// may go by either. Anything else needs 'media: allow_active_files: true' in site.yaml.
/// </summary>
internal static class MediaFiles
{
    /// <summary>Bytes read from the start of a binary file: every signature below lies within them.</summary>
    private const int HeadLength = 16;

    private delegate bool Signature(ReadOnlySpan<byte> head);

    /// <summary>A passive type: what editors call it, and how its bytes start.</summary>
    private sealed record Kind(string Name, Signature Matches);

    private static readonly HashSet<string> ImageBrands = new(StringComparer.Ordinal) { "avif", "avis", "heic", "heix", "mif1", "msf1" };

    private static readonly Kind Jpeg = new("a JPEG image", h => h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]));
    private static readonly Kind Png = new("a PNG image", h => h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    private static readonly Kind Gif = new("a GIF image", h => h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8));
    private static readonly Kind WebP = new("a WebP image", h => Riff(h, "WEBP"u8));
    private static readonly Kind Avif = new("an AVIF image", h => FileType(h) is { } brand && ImageBrands.Contains(brand) && brand.StartsWith("avi", StringComparison.Ordinal));
    private static readonly Kind Pdf = new("a PDF document", h => h.StartsWith("%PDF-"u8));
    private static readonly Kind Mp3 = new("an MP3 recording", h => h.StartsWith("ID3"u8) || (h.Length > 1 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0));
    private static readonly Kind Ogg = new("an Ogg recording", h => h.StartsWith("OggS"u8));
    private static readonly Kind Wav = new("a WAV recording", h => Riff(h, "WAVE"u8));
    private static readonly Kind Flac = new("a FLAC recording", h => h.StartsWith("fLaC"u8));
    // ADTS: a 12-bit sync word, then layer 0.
    private static readonly Kind Aac = new("an AAC recording", h => h.Length > 1 && h[0] == 0xFF && (h[1] & 0xF6) == 0xF0);
    // MP4 and M4A are the same container; an image brand (AVIF, HEIF) in it is not a recording.
    private static readonly Kind Mp4 = new("an MP4 file", h => FileType(h) is { } brand && !ImageBrands.Contains(brand));
    private static readonly Kind WebM = new("a WebM video", h => h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]));
    private static readonly Kind Woff = new("a WOFF font", h => h.StartsWith("wOFF"u8));
    private static readonly Kind Woff2 = new("a WOFF2 font", h => h.StartsWith("wOF2"u8));

    private static readonly Dictionary<string, Kind> Binary = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = Jpeg, [".jpeg"] = Jpeg, [".png"] = Png, [".gif"] = Gif, [".webp"] = WebP, [".avif"] = Avif,
        [".pdf"] = Pdf,
        [".mp3"] = Mp3, [".ogg"] = Ogg, [".oga"] = Ogg, [".opus"] = Ogg, [".wav"] = Wav, [".flac"] = Flac,
        [".m4a"] = Mp4, [".aac"] = Aac,
        [".mp4"] = Mp4, [".m4v"] = Mp4, [".webm"] = WebM,
        [".woff"] = Woff, [".woff2"] = Woff2,
    };

    /// <summary>Text types, published when the file is UTF-8 text without control characters; WebVTT must also say so.</summary>
    private static readonly Dictionary<string, string> Text = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "plain text", [".csv"] = "a CSV table", [".vtt"] = "WebVTT subtitles",
    };

    private const string Allowed =
        "JPEG, PNG, GIF, WebP and AVIF images, PDF, MP3, Ogg, Opus, WAV, M4A, AAC and FLAC recordings, MP4 and WebM videos, "
        + ".txt, .csv and .vtt text, WOFF and WOFF2 fonts, and SVG without script or outside references";

    /// <summary>
    /// The files of <paramref name="dir"/> the site may publish; every other one is reported at
    /// its file. <paramref name="allowActive"/> is the site's 'media: allow_active_files'.
    /// </summary>
    public static List<MediaFile> Load(string dir, bool allowActive, DiagnosticBag diagnostics, FileMemo? memo)
    {
        var files = FileMemo.Files(memo, dir, "*", diagnostics);
        // The bytes are judged once per version of a file; the site's setting decides what that means.
        var problems = FileMemo.ReadAll(memo, files, diagnostics, (file, _) => Problem(file));
        var media = new List<MediaFile>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (problems[i] is { } problem && !(allowActive && problem.Active))
            {
                diagnostics.Error(problem.Code, problem.At, problem.Message
                    + (problem.Active ? "; or, if every author of the content is trusted, set 'media: allow_active_files: true' in site.yaml (see SECURITY.md)" : ""));
                continue;
            }

            media.Add(new MediaFile(files[i], "media/" + SafeFolder.OutputPath(dir, files[i])));
        }

        return media;
    }

    /// <summary>Why a file may not be published as it is.</summary>
    /// <param name="Active">Whether 'media: allow_active_files' publishes it anyway: a type that can run code or that the site does not know, but not a disguised one.</param>
    private sealed record Refusal(string Code, SourceLocation At, string Message, bool Active);

    private static Refusal? Problem(string file)
    {
        var extension = Path.GetExtension(file);
        try
        {
            if (Binary.TryGetValue(extension, out var kind))
            {
                return kind.Matches(Head(file)) ? null : Disguised(file, extension, kind.Name);
            }

            if (Text.TryGetValue(extension, out var name))
            {
                return TextProblem(file, extension, name);
            }

            if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            {
                return SvgCheck.Problem(file) is { } svg ? new Refusal(DiagnosticCodes.MediaSvgActive, svg.At, svg.Message, Active: true) : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Refusal(DiagnosticCodes.FileUnreadable, new SourceLocation(file), $"cannot read the file: {e.Message}", Active: false);
        }

        var what = extension.Length == 0 ? "a file without an extension" : $"a '{extension}' file";
        return new Refusal(DiagnosticCodes.MediaTypeRefused, new SourceLocation(file),
            $"{what} is not published from media/: pages, scripts and unknown types served from the memorial's own address could run code there; "
            + $"the site publishes {Allowed}. Convert the file to one of these, or remove it", Active: true);
    }

    private static Refusal Disguised(string file, string extension, string name) =>
        new(DiagnosticCodes.MediaContentMismatch, new SourceLocation(file),
            $"the file is named '{extension}' but its content is not {name}; a browser or host may go by either, so export it again as {name} or give it the extension of what it is",
            Active: false);

    private static byte[] Head(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var head = new byte[HeadLength];
        return head[..stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false)];
    }

    private static bool Riff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> form) =>
        head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual(form);

    /// <summary>The major brand of an ISO media file ('ftyp' box first), or null.</summary>
    private static string? FileType(ReadOnlySpan<byte> head) =>
        head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) ? Encoding.ASCII.GetString(head[8..12]) : null;

    /// <summary>
    /// Text must be UTF-8 without control characters other than tab and line ends, so that no
    /// browser takes it for a binary or markup document; and it must not start like markup,
    /// which a browser that sniffs would render as a page.
    /// </summary>
    private static Refusal? TextProblem(string file, string extension, string name)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var reader = new StreamReader(file, strict, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[81920];
        var (line, column, start) = (1, 1, new StringBuilder());
        try
        {
            for (int read; (read = reader.Read(buffer)) > 0;)
            {
                foreach (var c in buffer.AsSpan(0, read))
                {
                    if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                    {
                        return new Refusal(DiagnosticCodes.MediaContentMismatch, new SourceLocation(file, line, column),
                            $"the file is named '{extension}' but holds the control character U+{(int)c:X4}, so it is not {name}; save it as UTF-8 text, or give it the extension of what it is", Active: false);
                    }

                    (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
                    if (start.Length < 64)
                    {
                        start.Append(c);
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            // The decoder reads ahead of the characters counted, so the place is not known.
            return new Refusal(DiagnosticCodes.MediaContentMismatch, new SourceLocation(file),
                $"the file is named '{extension}' but is not UTF-8 text, so it is not {name}; save it as UTF-8, or give it the extension of what it is", Active: false);
        }

        var text = start.ToString().TrimStart('\uFEFF').TrimStart();
        if (text.StartsWith('<'))
        {
            return Disguised(file, extension, name + " (it starts like HTML or XML)");
        }

        return extension.Equals(".vtt", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("WEBVTT", StringComparison.Ordinal)
            ? Disguised(file, extension, name + " (it does not start with WEBVTT)")
            : null;
    }
}
