using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>The main navigation of each language, across the pages of the site.</summary>
internal static class Navigation
{
    /// <summary>The main navigation of each language: listed in site.yaml, else the pages with a weight, in their order.</summary>
    internal static Dictionary<string, IReadOnlyList<NavItem>> Navs(List<Page> pages, SiteConfig config, ContentMemo? memo)
    {
        // The last build's, when every page that changed has the same place in the navigation as before.
        if (memo?.Navs is { } last && ReferenceEquals(last.Config, config) && last.Pages.Count == pages.Count
            && Enumerable.Range(0, pages.Count).All(i => ReferenceEquals(pages[i], last.Pages[i]) || SameInNav(pages[i], last.Pages[i])))
        {
            memo.Navs = (config, pages, last.Navs);
            return last.Navs;
        }

        var navs = config.Languages.ToDictionary(l => l.Code, l => l.Nav ?? pages
            .Where(p => p.Weight is not null && p.Language == l.Code)
            .OrderBy(p => p.Weight)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => new NavItem(p.NavTitle.Length > 0 ? p.NavTitle : p.Title, p.Path))
            .ToList() as IReadOnlyList<NavItem>);
        memo?.Navs = (config, pages, navs);
        return navs;
    }

    private static bool SameInNav(Page a, Page b) =>
        a.Weight == b.Weight && (a.Weight is null || (a.Title == b.Title && a.NavTitle == b.NavTitle && a.Path == b.Path && a.Language == b.Language));
}
