namespace BlackJanuary.Model;

/// <summary>
/// A file of content/media and what the site knows of it. A raster image is published as the
/// derivatives <see cref="ImageVariants"/> names, never as its own bytes (they may hold where it
/// was taken); every other file is copied as it is.
/// </summary>
/// <param name="Bytes">The file's size, shown beside a document or a recording.</param>
public sealed record MediaFile(string SourceFile, string OutputPath, long Bytes = 0)
{
    /// <summary>What the image is, for an image the build resizes; null for any other file (SVG included, which scales by itself).</summary>
    public RasterImage? Raster { get; init; }

    /// <summary>Credit, licence, captions and warning from the sidecar ('x.jpg.yaml').</summary>
    public MediaRights Rights { get; init; } = MediaRights.None;

    /// <summary>A recording's transcripts by language ("" for 'x.vtt', which is in the site's default language), from the WebVTT files beside it.</summary>
    public IReadOnlyList<Transcript> Transcripts { get; init; } = [];

    /// <summary>A PDF's number of pages, when it can be told.</summary>
    public int? Pages { get; init; }

    public MediaKind Kind => MediaKinds.Of(OutputPath);

    /// <summary>Equal when everything a page shows of the file is: a page that shows it is rendered again only when it is not.</summary>
    public bool Equals(MediaFile? other) =>
        other is not null && SourceFile == other.SourceFile && OutputPath == other.OutputPath && Bytes == other.Bytes && Raster == other.Raster
        && Rights == other.Rights && Pages == other.Pages && Transcripts.SequenceEqual(other.Transcripts);

    public override int GetHashCode() => HashCode.Combine(OutputPath, Raster, Bytes);
}

/// <summary>An image the build decodes and resizes.</summary>
/// <param name="Width">As shown: a photo turned by its EXIF orientation has its width and height swapped.</param>
/// <param name="Hash">The SHA-256 of the file's bytes, in hex: derivatives are cached by it.</param>
/// <param name="Format">The format it is saved in at its own address: "jpeg", "png", "webp", "avif" or "gif".</param>
public sealed record RasterImage(int Width, int Height, bool HasAlpha, string Hash, string Format);

/// <summary>A text given per language ("" for every language), compared by its texts.</summary>
public sealed record LocalText(IReadOnlyDictionary<string, string> Texts)
{
    public static LocalText None { get; } = new(Person.NoTexts);

    public bool IsEmpty => Texts.Count == 0;

    public string In(string language, string defaultLanguage) => Person.TextIn(Texts, language, defaultLanguage);

    public bool Equals(LocalText? other) =>
        other is not null && (ReferenceEquals(Texts, other.Texts) || (Texts.Count == other.Texts.Count && Texts.All(p => other.Texts.TryGetValue(p.Key, out var t) && t == p.Value)));

    public override int GetHashCode() => Texts.Count;
}

/// <summary>
/// What a photo, document or recording's sidecar says: whom to credit and under which licence,
/// where it came from, and per language its alt text, caption and content warning.
/// </summary>
/// <param name="Date">As written ("1990", "1990-01-20"): when it was made, not when it was added.</param>
public sealed record MediaRights(string Credit, string License, string Source, string Date, LocalText Alt, LocalText Caption, LocalText ContentWarning)
{
    public static MediaRights None { get; } = new("", "", "", "", LocalText.None, LocalText.None, LocalText.None);
}

/// <summary>A recording's transcript in one language.</summary>
/// <param name="Language">"" for the transcript in the site's default language ('x.vtt').</param>
/// <param name="OutputPath">Where the WebVTT file is published, for the player's captions.</param>
public sealed record Transcript(string Language, string OutputPath, IReadOnlyList<TranscriptCue> Cues)
{
    public bool Equals(Transcript? other) =>
        other is not null && Language == other.Language && OutputPath == other.OutputPath && Cues.SequenceEqual(other.Cues);

    public override int GetHashCode() => HashCode.Combine(Language, OutputPath, Cues.Count);
}

/// <summary>What kind of thing a media file is, which decides how a page shows it.</summary>
public enum MediaKind
{
    Other,
    Image,
    Audio,
    Video,
    Document,
}

public static class MediaKinds
{
    private static readonly Dictionary<string, MediaKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = MediaKind.Image, [".jpeg"] = MediaKind.Image, [".png"] = MediaKind.Image, [".gif"] = MediaKind.Image,
        [".webp"] = MediaKind.Image, [".avif"] = MediaKind.Image, [".svg"] = MediaKind.Image,
        [".mp3"] = MediaKind.Audio, [".ogg"] = MediaKind.Audio, [".oga"] = MediaKind.Audio, [".opus"] = MediaKind.Audio,
        [".wav"] = MediaKind.Audio, [".flac"] = MediaKind.Audio, [".m4a"] = MediaKind.Audio, [".aac"] = MediaKind.Audio,
        [".mp4"] = MediaKind.Video, [".m4v"] = MediaKind.Video, [".webm"] = MediaKind.Video,
        [".pdf"] = MediaKind.Document,
    };

    public static MediaKind Of(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path), MediaKind.Other);

    /// <summary>The MIME type of a recording, for its &lt;source&gt;.</summary>
    public static string TypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp3" => "audio/mpeg",
        ".ogg" or ".oga" or ".opus" => "audio/ogg",
        ".wav" => "audio/wav",
        ".flac" => "audio/flac",
        ".m4a" => "audio/mp4",
        ".aac" => "audio/aac",
        ".mp4" or ".m4v" => "video/mp4",
        ".webm" => "video/webm",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
