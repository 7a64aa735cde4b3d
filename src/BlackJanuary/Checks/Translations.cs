using BlackJanuary.Model;

namespace BlackJanuary.Checks;

/// <summary>What a site in several languages has not translated yet, for 'check' to list.</summary>
public static class Translations
{
    /// <summary>One language's gaps: pages that exist in another language but not in it, and events with no text of their own in it.</summary>
    public sealed record Gaps(string Language, string Name, IReadOnlyList<string> Pages, IReadOnlyList<string> Events);

    /// <summary>For each language of the site, in site.yaml's order; nothing for a site in one language.</summary>
    public static IReadOnlyList<Gaps> Missing(Site site)
    {
        var config = site.Config;
        if (!config.IsMultilingual)
        {
            return [];
        }

        // A page is identified across languages by its file's path without the language code.
        var keys = site.Pages.Where(p => p.TranslationKey.Length > 0 && !p.IsNotFound)
            .GroupBy(p => p.TranslationKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return config.Languages.Select(language => new Gaps(
            language.Code,
            language.Name,
            keys.Where(g => g.All(p => p.Language != language.Code)).Select(g => g.Key + ".md").ToList(),
            site.Timeline.Where(e => !e.IsTranslatedInto(language.Code)).Select(e => e.Id).ToList())).ToList();
    }
}
