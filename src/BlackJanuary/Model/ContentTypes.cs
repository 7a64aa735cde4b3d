namespace BlackJanuary.Model;

/// <summary>
/// The Content-Type a host sends for each output file, by its extension: one table for the dev
/// server and the archive, so that a page replayed from the archive is read as it was served.
/// Text types name their charset, since every text file the build writes is UTF-8.
/// </summary>
public static class ContentTypes
{
    /// <summary>What an unknown extension is sent as: bytes the browser downloads rather than guesses at.</summary>
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".vtt"] = "text/vtt; charset=utf-8",
        // A page's cite files and CITATION.cff: the types reference managers know them by.
        [".bib"] = "application/x-bibtex; charset=utf-8",
        [".ris"] = "application/x-research-info-systems; charset=utf-8",
        [".cff"] = "application/yaml; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".opus"] = "audio/ogg",
        [".wav"] = "audio/wav",
        [".aac"] = "audio/aac",
        [".flac"] = "audio/flac",
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".webm"] = "video/webm",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
    };

    /// <summary>The Content-Type of the output file at <paramref name="path"/> ("about/index.html").</summary>
    public static string Of(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : Unknown;

    /// <summary>The media type alone, without its charset ("application/x-bibtex"), as a link's <c>type</c> names it.</summary>
    public static string MediaTypeOf(string path) => Of(path).Split(';')[0];

    /// <summary>Whether the file is an HTML page.</summary>
    public static bool IsHtml(string path) => Of(path).StartsWith("text/html", StringComparison.Ordinal);
}
