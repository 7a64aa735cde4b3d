using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>The main navigation of each language, across the pages of the site.</summary>
internal static class Navigation
{
    /// <summary>The main navigation of each language: listed in site.yaml, else the pages with a weight, in their order.</summary>
    /// <param name="session">Keeps the navigation while every page that changed has the same place in it.</param>
    internal static Dictionary<string, IReadOnlyList<NavItem>> Navs(List<Page> pages, SiteConfig config, Session? session) =>
        Session.Once(session, "content.navigation", new NavInputs(config, new ByPlace<Page>(pages, Page.SameInNav)), () => config.Languages.ToDictionary(l => l.Code, l => l.Nav ?? pages
            .Where(p => p.Weight is not null && p.Language == l.Code)
            .OrderBy(p => p.Weight)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => new NavItem(p.NavTitle.Length > 0 ? p.NavTitle : p.Title, p.Path))
            .ToList() as IReadOnlyList<NavItem>));

    private sealed record NavInputs(SiteConfig Config, ByPlace<Page> Pages);
}
