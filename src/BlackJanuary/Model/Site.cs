
namespace BlackJanuary.Model;

/// <summary>Everything the content folder says, after loading and validation.</summary>
/// <param name="Timelines">The events as each language shows them, by language code; the same events, in the same order, in each.</param>
/// <param name="Navs">The main navigation of each language, by language code.</param>
public sealed record Site(
    SiteConfig Config,
    IReadOnlyList<Page> Pages,
    IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> Timelines,
    IReadOnlyDictionary<string, IReadOnlyList<NavItem>> Navs,
    IReadOnlyList<MediaFile> Media)
{
    private ILookup<string, Page>? _translations;
    // Asked for by every page's render (the switcher, the timeline's links): found once per site, not once per page.
    private Dictionary<string, Page?>? _timelinePages;
    private Dictionary<string, Page?>? _homes;
    private Dictionary<string, string>? _registers;
    private Dictionary<string, string?>? _searches;

    /// <summary>A copy made by 'with' has other pages: the lookup of translations is made again, from them.</summary>
    private Site(Site original)
    {
        Config = original.Config;
        Pages = original.Pages;
        Timelines = original.Timelines;
        Navs = original.Navs;
        Media = original.Media;
        People = original.People;
        Withdrawn = original.Withdrawn;
    }

    /// <summary>Whether the site has a register of names: people in people/ or people.csv, or a pages/people.md, even with no one published yet.</summary>
    public bool HasRegister => _hasRegister ??= Pages.Any(p => p.Listing is not null);

    private bool? _hasRegister;

    /// <summary>The register's published people, with what each withholds removed; the pages of the register show them.</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    /// <summary>
    /// The site paths the register's people kept out of view would have ('publish: false', an
    /// embargo): an address that leaves the site because a family asked is no lost address
    /// (<c>urls.lock</c>). Never shown: no template or output reads it.
    /// </summary>
    public IReadOnlySet<string> Withdrawn { get; init; } = new HashSet<string>();

    /// <summary>The events in the default language: ids, dates, sources and images are the same in every language.</summary>
    public IReadOnlyList<TimelineEvent> Timeline => Timelines[Config.Language];

    /// <summary>Every event in every language, for stages that handle each text.</summary>
    public IEnumerable<TimelineEvent> AllEvents => Config.Languages.SelectMany(l => Timelines[l.Code]);

    /// <summary>The page that shows the timeline (layout: timeline) in the default language, if the site has one.</summary>
    public Page? TimelinePage => TimelinePageIn(Config.Language);

    /// <summary>The page that shows the timeline in a language; the default language's when that language has none.</summary>
    public Page? TimelinePageIn(string language)
    {
        // Built on first use and then only read, as the translations are.
        _timelinePages ??= Config.Languages.ToDictionary(l => l.Code, l => Pages.FirstOrDefault(p => p.Layout == "timeline" && p.Language == l.Code), StringComparer.Ordinal);
        return _timelinePages.GetValueOrDefault(language) ?? _timelinePages.GetValueOrDefault(Config.Language);
    }

    /// <summary>The page in each language it is written in, itself included, in the order of the site's languages.</summary>
    public IReadOnlyList<Page> TranslationsOf(Page page)
    {
        // Built on first use and then only read: pages render in parallel, and building it twice is harmless.
        _translations ??= Pages.Where(p => p.TranslationKey.Length > 0).ToLookup(p => p.TranslationKey, StringComparer.Ordinal);
        return page.TranslationKey.Length == 0
            ? [page]
            : Config.Languages.SelectMany(l => _translations[page.TranslationKey].Where(p => p.Language == l.Code)).ToList();
    }

    /// <summary>The path of the register's index in a language ("people/", "ru/people/", or pages/people.md's own slug).</summary>
    public string RegisterPathIn(string language)
    {
        _registers ??= Config.Languages.ToDictionary(
            l => l.Code,
            l => Pages.FirstOrDefault(p => p.TranslationKey == Page.RegisterKey && p.Language == l.Code)?.Path ?? Config.PrefixOf(l.Code) + "people/",
            StringComparer.Ordinal);
        return _registers.GetValueOrDefault(language) ?? Config.PrefixOf(language) + "people/";
    }

    /// <summary>The path of a language's search page ("search/", "ru/search/", or pages/search.md's own slug); null when another page took its address.</summary>
    public string? SearchPathIn(string language)
    {
        _searches ??= Config.Languages.ToDictionary(l => l.Code, l => Pages.FirstOrDefault(p => p.Layout == Page.SearchKey && p.Language == l.Code)?.Path, StringComparer.Ordinal);
        return _searches.GetValueOrDefault(language);
    }

    /// <summary>The home page of a language.</summary>
    public Page? HomeIn(string language)
    {
        _homes ??= Config.Languages.ToDictionary(l => l.Code, l => Pages.FirstOrDefault(p => p.IsHome && p.Language == l.Code), StringComparer.Ordinal);
        return _homes.GetValueOrDefault(language);
    }
}
