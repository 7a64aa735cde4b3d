using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

/// <param name="TitleLocation">Where 'title' is written, so that checks of the title report there.</param>
/// <param name="PathLocation">Where the URL comes from: the 'slug' value, else the file, whose name gives it.</param>
/// <param name="ImageLocation">Where 'image' is written; the front matter's start for a page without one.</param>
public sealed record Page(
    string SourcePath,
    string Title,
    SourceLocation TitleLocation,
    PartialDate? Date,
    string Summary,
    string Layout,
    SourceLocation LayoutLocation,
    bool Draft,
    /* Site-relative URL path: "" for the home page, "about/" for pages/about.md. */
    string Path,
    SourceLocation PathLocation,
    string Image,
    SourceLocation ImageLocation,
    string ImageAlt,
    int? Weight,
    /* A short title for the main navigation; the page title when empty. */
    string NavTitle,
    string Markdown,
    SourceLocation BodyLocation)
{
    /// <summary>'updated': when the page was last changed in substance, as Zola's 'updated'; never before <see cref="Date"/>.</summary>
    public PartialDate? Updated { get; init; }

    /// <summary>Rendered <see cref="Markdown"/>, set by the Markdown stage.</summary>
    public string ContentHtml { get; init; } = "";

    /// <summary>Links to other sites in <see cref="Markdown"/>, found by the Markdown stage.</summary>
    public IReadOnlyList<WrittenLink> ExternalLinks { get; init; } = [];

    /// <summary>The page's tags, as written ('tags: [memory, baku]'), for the theme to show or list.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The site's own values for the page ('extra:'), passed to templates as written: texts, lists and maps.</summary>
    public IReadOnlyDictionary<string, object> Extra { get; init; } = NoExtra;

    /// <summary>The one empty map of pages without 'extra': pages that have none compare equal.</summary>
    public static readonly IReadOnlyDictionary<string, object> NoExtra = new Dictionary<string, object>();

    /// <summary>'aliases': the addresses the page was once published at, each of which keeps leading to it.</summary>
    public IReadOnlyList<PageAlias> Aliases { get; init; } = [];

    /// <summary>'content_warning': what the page shows that a reader may not want to see; its images stay closed until the reader opens them.</summary>
    public string ContentWarning { get; init; } = "";

    /// <summary>The person a page of the register shows (layout 'person'); null on other pages.</summary>
    public Person? Person { get; init; }

    /// <summary>The list of people a page of the register shows (layout 'people'); null on other pages.</summary>
    public Listing? Listing { get; init; }

    /// <summary>Whether the register made the page from its records, rather than an editor wrote it: its title may be shared (namesakes) or given by the theme.</summary>
    public bool IsOfRegister => Person is not null || Listing is not null;

    /// <summary>The code of the page's language: the one in its file name (about.ru.md), else the site's default.</summary>
    public string Language { get; init; } = "";

    /// <summary>
    /// What the page's translations have in common: its file's path below pages/ without the
    /// language code and ".md" ("about" for about.md and about.ru.md).
    /// </summary>
    public string TranslationKey { get; init; } = "";

    /// <summary>The language code in the file name ("ru" in about.ru.md), or null; the loader checks it is one of the site's.</summary>
    public string? LanguageInName { get; init; }

    /// <summary>The translation key of the register's index: pages/people.md, when there is one, introduces it.</summary>
    public const string RegisterKey = "people";

    /// <summary>The translation key and layout of a language's search page; pages/search.md, when there is one, introduces it.</summary>
    public const string SearchKey = "search";

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

    /// <summary>Whether two versions of a page have the same place in the main navigation: the same weight, and for a page in it the same titles and URL.</summary>
    public static bool SameInNav(Page a, Page b) =>
        a.Weight == b.Weight && (a.Weight is null || (a.Title == b.Title && a.NavTitle == b.NavTitle && a.Path == b.Path && a.Language == b.Language));

    /// <summary>Whether two versions of a page look alike to the checks across a URL tree (two pages at one URL, a language without a home page): the same file, URL and language, given the same way.</summary>
    public static bool SameInUrlTree(Page a, Page b) =>
        SamePlace(a, b) && a.SourcePath == b.SourcePath && a.LanguageInName == b.LanguageInName && a.PathLocation == b.PathLocation;

    /// <summary>Whether two versions of a page are the same target to a link: the same URL from the same file.</summary>
    public static bool SameLinkTarget(Page a, Page b) => a.Path == b.Path && a.SourcePath == b.SourcePath;

    /// <summary>Whether two versions of a page hold the same anchors of events: the same URL, showing the timeline or not.</summary>
    public static bool SameAnchors(Page a, Page b) => a.Path == b.Path && (a.Layout == "timeline") == (b.Layout == "timeline");

    /// <summary>Whether two versions of a page look alike to the site-wide checks: the same image, alt text, title, draft state, file and place, written at the same places.</summary>
    public static bool SameForChecks(Page a, Page b) =>
        a.Image == b.Image && a.ImageAlt == b.ImageAlt && a.Title == b.Title && a.Draft == b.Draft && a.SourcePath == b.SourcePath && SamePlace(a, b)
        && a.ImageLocation == b.ImageLocation && a.TitleLocation == b.TitleLocation && a.PathLocation == b.PathLocation;

    /// <summary>Whether two versions of a page are dated alike at the same place: what ordering pages by date (the feed) reads.</summary>
    public static bool SameDate(Page a, Page b) => a.Date == b.Date && SamePlace(a, b);

    /// <summary>
    /// Where the page is written, relative to the output folder. Pretty URLs ("about/") become
    /// folders with an index.html; "404.html" stays a file because hosts look for it by that name.
    /// </summary>
    public string OutputFile => OutputFileOf(Path);

    /// <summary>The output file of a page at <paramref name="path"/> (see <see cref="OutputFile"/>): also where the dev server looks for an address.</summary>
    public static string OutputFileOf(string path) => path.EndsWith(".html", StringComparison.Ordinal) ? path : path + "index.html";
}
