using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

public sealed record Page(
    string SourcePath,
    string Title,
    PartialDate? Date,
    string Summary,
    string Layout,
    SourceLocation LayoutLocation,
    bool Draft,
    /* Site-relative URL path: "" for the home page, "about/" for pages/about.md. */
    string Path,
    string Image,
    string ImageAlt,
    int? Weight,
    /* A short title for the main navigation; the page title when empty. */
    string NavTitle,
    string Markdown,
    SourceLocation BodyLocation)
{
    /// <summary>Rendered <see cref="Markdown"/>, set by the Markdown stage.</summary>
    public string ContentHtml { get; init; } = "";

    /// <summary>Links to other sites in <see cref="Markdown"/>, found by the Markdown stage.</summary>
    public IReadOnlyList<WrittenLink> ExternalLinks { get; init; } = [];

    /// <summary>Where hosts look for the page they show for missing addresses.</summary>
    public const string NotFoundPath = "404.html";

    public bool IsHome => Path.Length == 0;

    /// <summary>The page hosts show for missing addresses: kept out of sitemaps and feeds, never indexed.</summary>
    public bool IsNotFound => Path == NotFoundPath;

    /// <summary>
    /// Where the page is written, relative to the output folder. Pretty URLs ("about/") become
    /// folders with an index.html; "404.html" stays a file because hosts look for it by that name.
    /// </summary>
    public string OutputFile => Path.EndsWith(".html", StringComparison.Ordinal) ? Path : Path + "index.html";
}
