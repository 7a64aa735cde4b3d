using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>
/// The pages in their languages' URL trees, and what only the whole site shows: two pages at one
/// URL, a language without a home page, a site without a 404 page of its own.
/// </summary>
internal static class Localization
{
    /// <summary>
    /// The page as loaded (kept by the session's file memo) → the page in its URL tree: the same
    /// object from build to build while nothing changed, so that later stages see that at a glance.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Page, Page> LocalizedPages = new();

    /// <summary>
    /// Gives each page its language and puts it in that language's URL tree ("ru/about/"), then
    /// checks what only the whole site shows: two pages at one URL, a language without a home page.
    /// </summary>
    internal static List<Page> Localize(List<Page> loaded, SiteConfig config, string pagesDir, DiagnosticBag diagnostics, ContentMemo? memo)
    {
        if (LocalizeByPlace(loaded, config, memo) is { } known)
        {
            return known;
        }

        var own = new DiagnosticBag();
        var pages = Localize(loaded, config, pagesDir, own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        memo?.Pages = reported.Count == 0 ? (config, loaded, pages) : null;
        return pages;
    }

    /// <summary>
    /// The pages of the last build by place, each changed one put in its URL tree again, when the
    /// last build found nothing wrong and every page keeps its URL and language: then the checks
    /// across pages find nothing this time either. Null when they must run.
    /// </summary>
    private static List<Page>? LocalizeByPlace(List<Page> loaded, SiteConfig config, ContentMemo? memo)
    {
        if (memo?.Pages is not { } last || !ReferenceEquals(last.Config, config) || last.Loaded.Count != loaded.Count)
        {
            return null;
        }

        var pages = new List<Page>(last.Localized.Count);
        for (var i = 0; i < loaded.Count; i++)
        {
            var (page, before) = (loaded[i], last.Localized[i]);
            if (ReferenceEquals(page, last.Loaded[i]))
            {
                pages.Add(before);
                continue;
            }

            var language = page.LanguageInName ?? config.Language;
            if (!string.Equals(language, before.Language, StringComparison.Ordinal) || !string.Equals(LocalizedPath(page, language, config), before.Path, StringComparison.Ordinal))
            {
                return null;
            }

            pages.Add(page with { Path = before.Path, Language = before.Language });
        }

        // The built-in 404 page, when the site has none of its own.
        pages.AddRange(last.Localized.Skip(loaded.Count));
        memo.Pages = (config, loaded, pages);
        return pages;
    }

    /// <summary>Hosts look for /404.html: the default language's stays there, in every layout of URLs.</summary>
    private static string LocalizedPath(Page page, string language, SiteConfig config) =>
        (page.IsNotFound && language == config.Language ? "" : config.PrefixOf(language)) + page.Path;

    private static List<Page> Localize(List<Page> loaded, SiteConfig config, string pagesDir, DiagnosticBag diagnostics)
    {
        var pages = new List<Page>();
        foreach (var page in loaded)
        {
            var language = page.LanguageInName ?? config.Language;
            if (config.Languages.All(l => l.Code != language))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(page.SourcePath),
                    $"the file name ends in '.{language}', which is not a language of the site ({string.Join(", ", config.Languages.Select(l => l.Code))}); "
                    + $"add '{language}' to 'languages' in site.yaml, or write the name with a hyphen ({Path.GetFileName(page.TranslationKey)}-{language}.md)");
                continue;
            }

            var path = LocalizedPath(page, language, config);
            var localized = LocalizedPages.TryGetValue(page, out var known) && known.Path == path && known.Language == language
                ? known
                : page with { Path = path, Language = language };
            LocalizedPages.AddOrUpdate(page, localized);
            pages.Add(localized);
        }

        foreach (var group in pages.GroupBy(p => p.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, other.PathLocation,
                    $"this page and {Path.GetFileName(first.SourcePath)} both want the URL /{other.Path}; give one of them another 'slug' or file name"
                    + (other.LanguageInName is null != first.LanguageInName is null ? $" (a file without a language code is in the default language, '{config.Language}')" : ""));
            }
        }

        pages = pages.DistinctBy(p => p.Path, StringComparer.Ordinal).ToList();
        foreach (var language in config.Languages.Where(l => !pages.Any(p => p.IsHome && p.Language == l.Code)))
        {
            var home = language.Code == config.Language ? "index.md" : $"index.{language.Code}.md";
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(Path.Combine(pagesDir, home)),
                config.IsMultilingual
                    ? $"the site has no home page in {language.Name} ('{language.Code}'); create pages/{home} (or make it not a draft)"
                    : "the site has no home page; create pages/index.md (or make it not a draft)");
        }

        if (!pages.Any(p => p.IsNotFound && p.Language == config.Language))
        {
            // Hosts serve 404.html for missing URLs; a site without pages/404.md still gets one.
            var file = Path.Combine(pagesDir, "404.md");
            var at = new SourceLocation(file);
            pages.Add(new Page(file, "", at, null, "", "404", default, false, Page.NotFoundPath, at, "", at, "", null, "", "", default)
            {
                Language = config.Language,
                TranslationKey = "404",
            });
        }

        return pages;
    }
}
