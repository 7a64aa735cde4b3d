using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>
/// The pages in their languages' URL trees, and what only the whole site shows: two pages at one
/// URL, a language without a home page, a site without a 404 page of its own.
/// </summary>
internal static class Localization
{
    /// <summary>
    /// Gives each page its language and puts it in that language's URL tree ("ru/about/"), then
    /// checks what only the whole site shows: two pages at one URL, a language without a home page.
    /// </summary>
    /// <param name="session">Keeps each page in its tree, the very same object while it and the settings are, and what the checks across pages found while no page moved.</param>
    /// <param name="search">Whether each language without a search page of its own gets the built-in one (the theme has a layout for it).</param>
    internal static List<Page> Localize(List<Page> loaded, SiteConfig config, string pagesDir, bool search, DiagnosticBag diagnostics, Session? session)
    {
        var placed = Session.Each(session, "content.localized", new Units<Page, PlaceInputs, Placed>(
            loaded, config, p => p.SourcePath, p => new PlaceInputs(p, config), (p, d) => Place(p, config, d)), diagnostics);
        var pages = new List<Page>(placed.Length + 1);
        foreach (var each in placed)
        {
            if (each.Page is { } page)
            {
                pages.Add(page);
            }
        }

        var across = Session.Once(session, "content.across", new AcrossInputs(config, new ByPlace<Page>(pages, Page.SameInUrlTree), search), diagnostics,
            d => Across(pages, config, pagesDir, search, d));
        if (across.Dropped.Count > 0)
        {
            pages = [.. pages.Where((_, i) => !across.Dropped.Contains(i))];
        }

        if (across.NotFound is { } notFound)
        {
            pages.Add(notFound);
        }

        pages.AddRange(across.Search);

        return pages;
    }

    /// <summary>A page's place in its tree reads the page and the settings (its languages and their prefixes).</summary>
    private sealed record PlaceInputs(Page Page, SiteConfig Config);

    /// <summary>A page in its language's URL tree; no page when its file name names a language the site does not have.</summary>
    private sealed record Placed(Page? Page);

    private sealed record AcrossInputs(SiteConfig Config, ByPlace<Page> Pages, bool Search);

    /// <summary>What the checks across pages found: the places of pages that lose their URL to an earlier one, the built-in 404 page of a site without its own, and the built-in search page of each language without its own.</summary>
    private sealed record AcrossPages(IReadOnlySet<int> Dropped, Page? NotFound, IReadOnlyList<Page> Search);

    /// <summary>Hosts look for /404.html: the default language's stays there, in every layout of URLs.</summary>
    private static string LocalizedPath(Page page, string language, SiteConfig config) =>
        (page.IsNotFound && language == config.Language ? "" : config.PrefixOf(language)) + page.Path;

    private static Placed Place(Page page, SiteConfig config, DiagnosticBag diagnostics)
    {
        var language = page.LanguageInName ?? config.Language;
        if (config.Languages.All(l => l.Code != language))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(page.SourcePath),
                $"the file name ends in '.{language}', which is not a language of the site ({string.Join(", ", config.Languages.Select(l => l.Code))}); "
                + $"add '{language}' to 'languages' in site.yaml, or write the name with a hyphen ({Path.GetFileName(page.TranslationKey)}-{language}.md)");
            return new Placed(null);
        }

        return new Placed(page with { Path = LocalizedPath(page, language, config), Language = language });
    }

    private static AcrossPages Across(List<Page> pages, SiteConfig config, string pagesDir, bool withSearch, DiagnosticBag diagnostics)
    {
        var dropped = new HashSet<int>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            var other = pages[i];
            if (!first.TryAdd(other.Path, i))
            {
                var earlier = pages[first[other.Path]];
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, other.PathLocation,
                    $"this page and {Path.GetFileName(earlier.SourcePath)} both want the URL /{other.Path}; give one of them another 'slug' or file name"
                    + (other.LanguageInName is null != earlier.LanguageInName is null ? $" (a file without a language code is in the default language, '{config.Language}')" : ""));
                dropped.Add(i);
            }
        }

        var kept = pages.Where((_, i) => !dropped.Contains(i)).ToList();
        foreach (var language in config.Languages.Where(l => !kept.Any(p => p.IsHome && p.Language == l.Code)))
        {
            var home = language.Code == config.Language ? "index.md" : $"index.{language.Code}.md";
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(Path.Combine(pagesDir, home)),
                config.IsMultilingual
                    ? $"the site has no home page in {language.Name} ('{language.Code}'); create pages/{home} (or make it not a draft)"
                    : "the site has no home page; create pages/index.md (or make it not a draft)");
        }

        // Every language has a search page, which the search field of every page submits to; pages/search.md only introduces it.
        var search = config.Languages
            .Where(l => withSearch && !kept.Any(p => p.TranslationKey == Page.SearchKey && p.Language == l.Code) && !kept.Any(p => p.Path == SearchPath(config, l.Code)))
            .Select(l => BuiltIn(Path.Combine(pagesDir, l.Code == config.Language ? "search.md" : $"search.{l.Code}.md"), Page.SearchKey, SearchPath(config, l.Code), l.Code, Page.SearchKey))
            .ToList();
        if (kept.Any(p => p.IsNotFound && p.Language == config.Language))
        {
            return new AcrossPages(dropped, null, search);
        }

        // Hosts serve 404.html for missing URLs; a site without pages/404.md still gets one.
        return new AcrossPages(dropped, BuiltIn(Path.Combine(pagesDir, "404.md"), "404", Page.NotFoundPath, config.Language, "404"), search);
    }

    private static string SearchPath(SiteConfig config, string language) => config.PrefixOf(language) + Page.SearchKey + "/";

    /// <summary>A page the site has without a file of its own; its title comes from the theme's strings.</summary>
    private static Page BuiltIn(string file, string layout, string path, string language, string key)
    {
        var at = new SourceLocation(file);
        return new Page(file, "", at, null, "", layout, default, false, path, at, "", at, "", null, "", "", at) { Language = language, TranslationKey = key };
    }
}
