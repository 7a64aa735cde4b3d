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

    /// <summary>The code of the page's language: the one in its file name (about.ru.md), else the site's default.</summary>
    public string Language { get; init; } = "";

    /// <summary>
    /// What the page's translations have in common: its file's path below pages/ without the
    /// language code and ".md" ("about" for about.md and about.ru.md).
    /// </summary>
    public string TranslationKey { get; init; } = "";

    /// <summary>The language code in the file name ("ru" in about.ru.md), or null; the loader checks it is one of the site's.</summary>
    public string? LanguageInName { get; init; }

    /// <summary>Where hosts look for the page they show for missing addresses.</summary>
    public const string NotFoundPath = "404.html";

    /// <summary>The home page of the site or of one of its languages ("" or "ru/").</summary>
    public bool IsHome => TranslationKey == "index" || Path.Length == 0;

    /// <summary>The page hosts show for missing addresses: kept out of sitemaps and feeds, never indexed.</summary>
    public bool IsNotFound => Path == NotFoundPath || Path.EndsWith("/" + NotFoundPath, StringComparison.Ordinal);

    /// <summary>
    /// Whether two versions of a page are at the same place in the site: the same URL, language
    /// and translation key, so that every link, switcher and sitemap entry that leads to one leads
    /// to the other.
    /// </summary>
    public static bool SamePlace(Page a, Page b) =>
        string.Equals(a.Path, b.Path, StringComparison.Ordinal) && string.Equals(a.Language, b.Language, StringComparison.Ordinal)
        && string.Equals(a.TranslationKey, b.TranslationKey, StringComparison.Ordinal);

    /// <summary>
    /// Where the page is written, relative to the output folder. Pretty URLs ("about/") become
    /// folders with an index.html; "404.html" stays a file because hosts look for it by that name.
    /// </summary>
    public string OutputFile => OutputFileOf(Path);

    /// <summary>The output file of a page at <paramref name="path"/> (see <see cref="OutputFile"/>): also where the dev server looks for an address.</summary>
    public static string OutputFileOf(string path) => path.EndsWith(".html", StringComparison.Ordinal) ? path : path + "index.html";
}
