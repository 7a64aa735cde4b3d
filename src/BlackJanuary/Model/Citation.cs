using System.Globalization;

namespace BlackJanuary.Model;

/// <summary>
/// How a page or a timeline event is cited: by the site as its author, under its title, with the
/// dates the editors gave and its permanent address. The visible "How to cite" block, the
/// <c>citation_*</c> and <c>DC.*</c> meta tags and the cite files (CSL-JSON, BibTeX, RIS) are all
/// made from this one record, so that they never disagree.
/// </summary>
/// <param name="Author">The site's <c>author</c> (its title when site.yaml gives none): the memorial is cited as the work of its project, not of a person.</param>
/// <param name="SiteTitle">The site's title in the page's language: the work the page is part of.</param>
/// <param name="Language">The code of the page's language.</param>
/// <param name="Url">The absolute permalink; an event's is its timeline page's with the event's anchor.</param>
/// <param name="Published">The page's <c>date</c>, if it has one: a citation shows no date it was not given.</param>
/// <param name="Updated">The page's <c>updated</c>, when it has one that differs from <paramref name="Published"/>.</param>
public sealed record Citation(string Author, string Title, string SiteTitle, string Language, string Url, PartialDate? Published, PartialDate? Updated)
{
    /// <summary>
    /// Whether a page is cited: every page but the 404 page (shown at every missing address), the
    /// search pages (a form) and the register's lists (a changing index of the people, each of whom
    /// has a citable page of their own).
    /// </summary>
    public static bool IsCitable(Page page) => !page.IsNotFound && page.Listing is null && page.Layout != Page.SearchKey;

    /// <summary>The citation of a page, or null for a page that is not cited.</summary>
    public static Citation? Of(SiteConfig config, Page page) =>
        IsCitable(page) ? new(config.Author, page.Title, config.LanguageOf(page.Language).Title, page.Language, config.AbsoluteUrlFor(page.Path), page.Date, UpdatedOf(page)) : null;

    /// <summary>An event cites as part of its timeline page: with that page's dates and address, at the event's anchor.</summary>
    /// <param name="timelinePage">The language's timeline page, if the site has one; without it the event cites undated.</param>
    /// <param name="timelinePath">Where the language's timeline is, which the event's anchor is in.</param>
    public static Citation OfEvent(SiteConfig config, string language, Page? timelinePage, string timelinePath, TimelineEvent e) =>
        new(config.Author, e.Title, config.LanguageOf(language).Title, language, config.AbsoluteUrlFor(timelinePath) + "#" + e.Id, timelinePage?.Date, timelinePage is null ? null : UpdatedOf(timelinePage));

    private static PartialDate? UpdatedOf(Page page) => page.Updated is { } updated && updated != page.Date ? updated : null;

    /// <summary>Whether two versions of a page are cited alike: what <see cref="Of"/> reads of it.</summary>
    public static bool Same(Page a, Page b) =>
        a.Title == b.Title && a.Date == b.Date && a.Updated == b.Updated && a.Layout == b.Layout && (a.Listing is null) == (b.Listing is null) && Page.SamePlace(a, b);

    /// <summary>Where a cited page's file named <paramref name="file"/> is, relative to the output folder: beside its index.html.</summary>
    public static string FileOf(Page page, string file) => page.Path + file;

    /// <summary>A date as Highwire Press's citation_publication_date wants it, as precise as it is known: "1990/01/20", "1990/01", "1990".</summary>
    public static string Slashed(PartialDate date) => date.Iso.Replace('-', '/');

    /// <summary>The year, for the fields that take one (RIS PY).</summary>
    public static string YearOf(PartialDate date) => date.Year.ToString("D4", CultureInfo.InvariantCulture);
}
