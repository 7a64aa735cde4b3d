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

    /// <summary>The keys of a sidecar ('x.jpg.yaml'): who made or holds the file, under which licence, and per language its alt text, caption and warning.</summary>
    private static readonly string[] SidecarKeys = ["credit", "license", "source", "date", "alt", "caption", "content_warning"];

    /// <summary>
    /// The files of <paramref name="dir"/> the site may publish; every other one is reported at
    /// its file. A sidecar ('x.jpg.yaml') is read into its file's rights and not published; a
    /// WebVTT file beside a recording ('x.mp3' and 'x.vtt' or 'x.ru.vtt') is its transcript.
    /// </summary>
    public static List<MediaFile> Load(string dir, SiteConfig config, DiagnosticBag diagnostics, FileMemo? memo)
    {
        var all = FileMemo.Files(memo, dir, "*", diagnostics);
        var names = all.ToHashSet(StringComparer.Ordinal);
        // 'x.jpg.yaml' and 'x.jpg.yml' both name x.jpg's sidecar; the first in order wins, as a folder lists them.
        var sidecars = all.Where(f => IsSidecar(f) && names.Contains(Stem(f))).GroupBy(Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var files = all.Where(f => !(IsSidecar(f) && sidecars.ContainsKey(Stem(f)))).ToList();
        // The bytes are judged once per version of a file; the site's setting decides what that means.
        // Everything known of a file from its own bytes is read in one go: a memo keeps one value per version of a file.
        var judged = FileMemo.ReadAll(memo, files, diagnostics, (file, d) => Judge(file, config.MaxMediaBytes, d));
        var media = new List<MediaFile>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (judged[i]?.Problem is { } problem && !(config.AllowActiveMedia && problem.Active))
            {
                diagnostics.Error(problem.Code, problem.At, problem.Message
                    + (problem.Active ? "; or, if every author of the content is trusted, set 'media: allow_active_files: true' in site.yaml (see SECURITY.md)" : ""));
                continue;
            }

            var file = files[i];
            var kind = MediaKinds.Of(file);
            media.Add(new MediaFile(file, "media/" + SafeFolder.OutputPath(dir, file), Length(file))
            {
                Rights = sidecars.TryGetValue(file, out var sidecar) ? FileMemo.Read(memo, sidecar, diagnostics, d => Sidecar(sidecar, d)) ?? MediaRights.None : MediaRights.None,
                Pages = judged[i]?.Pages,
                Transcripts = judged[i]?.Cues is { } cues ? [new Transcript("", "", cues)] : [],
            });
        }

        return WithTranscripts(media, config);
    }

    /// <summary>What a file's bytes say: why it may not be published, a PDF's pages, a WebVTT file's cues (null when it did not parse).</summary>
    private sealed record Judged(Refusal? Problem, int? Pages, IReadOnlyList<TranscriptCue>? Cues);

    private static Judged Judge(string file, long maxBytes, DiagnosticBag diagnostics)
    {
        if (Problem(file, maxBytes) is { } problem)
        {
            return new Judged(problem, null, null);
        }

        return MediaKinds.Of(file) == MediaKind.Document ? new Judged(null, PdfInfo.PageCount(file), null)
            : Path.GetExtension(file).Equals(".vtt", StringComparison.OrdinalIgnoreCase) && TextFile.Read(file, diagnostics) is { } text ? new Judged(null, null, WebVtt.Parse(text, file, diagnostics))
            : new Judged(null, null, null);
    }

    /// <summary>
    /// Each recording with the WebVTT files beside it: 'x.vtt' in the site's default language,
    /// 'x.ru.vtt' in Russian. A transcript that does not parse is reported and not shown as text;
    /// the file is still published, for the player.
    /// </summary>
    private static List<MediaFile> WithTranscripts(List<MediaFile> media, SiteConfig config)
    {
        // 'x.mp3' and 'x.webm' may be one recording in two formats: both take the transcripts of 'x'.
        var recordings = media.Where(m => m.Kind is MediaKind.Audio or MediaKind.Video).Select(m => Stem(m.OutputPath)).ToHashSet(StringComparer.Ordinal);
        var transcripts = new Dictionary<string, List<Transcript>>(StringComparer.Ordinal);
        foreach (var vtt in media.Where(m => Path.GetExtension(m.OutputPath).Equals(".vtt", StringComparison.OrdinalIgnoreCase)))
        {
            var stem = Stem(vtt.OutputPath);
            var language = Path.GetExtension(stem).TrimStart('.');
            var (recording, code) = recordings.Contains(stem) ? (stem, "")
                : language.Length > 0 && config.Languages.Any(l => l.Code == language) && recordings.Contains(Stem(stem)) ? (Stem(stem), language)
                : (null, "");
            if (recording is null)
            {
                continue;
            }

            // A WebVTT file carries its own cues (Judge); beside a recording they become its transcript in the language its name gives.
            if (vtt.Transcripts is [{ } parsed])
            {
                transcripts.TryAdd(recording, []);
                transcripts[recording].Add(new Transcript(code, vtt.OutputPath, parsed.Cues));
            }
        }

        // The WebVTT files themselves keep no cues: only a recording has a transcript.
        return media.Select(m => m.Kind is MediaKind.Audio or MediaKind.Video && transcripts.TryGetValue(Stem(m.OutputPath), out var found)
            ? m with { Transcripts = [.. found.OrderBy(t => t.Language, StringComparer.Ordinal)] }
            : m.Transcripts.Count > 0 ? m with { Transcripts = [] } : m).ToList();
    }



    private static bool IsSidecar(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".yaml" or ".yml";

    private static string Stem(string file) => file[..^Path.GetExtension(file).Length];

    private static long Length(string file) => new FileInfo(file).Length;

    private static MediaRights? Sidecar(string file, DiagnosticBag diagnostics)
    {
        var text = TextFile.Read(file, diagnostics);
        var root = text is null ? null : YamlDocument.Parse(text, file, 1, diagnostics);
        if (root is null || YamlFields.Of(root, file, 1, diagnostics, "a media sidecar") is not { } fields)
        {
            return null;
        }

        fields.WarnUnknownKeys(SidecarKeys);
        var license = fields.Text("license") ?? "";
        if (Urls.RunsCode(license))
        {
            diagnostics.Error(DiagnosticCodes.UnsafeLink, fields.ValueLocationOf("license"), $"license '{license}' would run code in the reader's browser; write the licence's name (CC BY 4.0) or its http(s) address");
            license = "";
        }

        return new MediaRights(
            fields.Text("credit") ?? "", license, fields.Text("source") ?? "", fields.Text("date") ?? "",
            Local(fields.Localized("alt")), Local(fields.Localized("caption")), Local(fields.Localized("content_warning")));
    }

    private static LocalText Local(IReadOnlyDictionary<string, string>? texts) => texts is null ? LocalText.None : new LocalText(texts);

    /// <summary>Why a file may not be published as it is.</summary>
    /// <param name="Active">Whether 'media: allow_active_files' publishes it anyway: a type that can run code or that the site does not know, but not a disguised one.</param>
    private sealed record Refusal(string Code, SourceLocation At, string Message, bool Active);

    private static Refusal? Problem(string file, long maxBytes)
    {
        var extension = Path.GetExtension(file);
        try
        {
            // Before anything is read: a file too large to publish is not worth a look, and a bomb is not opened.
            if (new FileInfo(file).Length is var length && length > maxBytes)
            {
                return new Refusal(DiagnosticCodes.MediaTooLarge, new SourceLocation(file),
                    $"the file is {length / (1024 * 1024)} MiB, over the {maxBytes / (1024 * 1024)} MiB a media file may be (GitHub Pages refuses larger files, and a reader on a phone would wait minutes); "
                    + "make it smaller (a recording at a lower bitrate, a document at a lower resolution), or raise 'media: max_file_mb' in site.yaml", Active: false);
            }

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

        if (IsSidecar(file))
        {
            return new Refusal(DiagnosticCodes.MediaTypeRefused, new SourceLocation(file),
                $"'{Path.GetFileName(file)}' looks like a sidecar, but there is no '{Path.GetFileNameWithoutExtension(file)}' beside it; name it after its file with '.yaml' added (photo.jpg.yaml for photo.jpg), or remove it", Active: false);
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
