using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>
/// What loading made of the whole content folder at the last build of a session: the pages in
/// their URL trees, the navigation and the timelines in every language. Most saves change the
/// text of one page; then the pages keep their places, the checks that look across all pages
/// (two pages at one URL, a language without a home page) find what they found before, and only
/// the saved page is put in its URL tree again.
/// </summary>
public sealed class ContentMemo
{
    /// <summary>The pages as loaded and as localized, by place, for a site whose localizing reported nothing.</summary>
    internal (SiteConfig Config, List<Page> Loaded, List<Page> Localized)? Pages { get; set; }

    internal (SiteConfig Config, IReadOnlyList<Page> Pages, Dictionary<string, IReadOnlyList<NavItem>> Navs)? Navs { get; set; }

    internal (SiteConfig Config, List<TimelineEvent> Loaded, Dictionary<string, IReadOnlyList<TimelineEvent>> Timelines, IReadOnlyList<Diagnostic> Diagnostics)? Timelines { get; set; }
}
