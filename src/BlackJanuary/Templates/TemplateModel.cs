using BlackJanuary.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

/// <summary>
/// Turns the model into the snake_case variables that templates see (docs/templates.md). Built
/// here, by hand, so that renaming a C# property never silently changes the template contract.
/// </summary>
internal static partial class TemplateModel
{
    public static ScriptObject SiteObject(Site site, Page current, string version, string shareImage)
    {
        var c = site.Config;
        var language = c.LanguageOf(current.Language);
        var nav = new ScriptArray();
        foreach (var item in site.Navs[language.Code])
        {
            nav.Add(new ScriptObject
            {
                ["title"] = item.Title,
                ["url"] = c.PathFor(item.Path),
                ["current"] = item.Path == current.Path,
            });
        }

        return new ScriptObject
        {
            ["title"] = language.Title,
            ["tagline"] = language.Tagline,
            ["description"] = language.Description,
            ["language"] = language.Code,
            ["culture"] = language.Culture.Length > 0 ? language.Culture : language.Code,
            ["languages"] = Languages(site, current),
            ["author"] = c.Author,
            ["base_url"] = c.BaseUrl.ToString(),
            ["csp"] = SecurityPolicy.ContentSecurityPolicy,
            ["image"] = c.Image.Length > 0 ? c.AbsoluteUrlFor(c.Image) : shareImage,
            ["generator"] = $"{Generator.Name} {version}",
            ["nav"] = nav,
            ["search"] = site.SearchPathIn(language.Code) is { } search
                ? new ScriptObject
                {
                    ["url"] = c.PathFor(search),
                    ["index"] = c.PathFor(GeneratedFiles.SearchFolder(language.Code) + GeneratedFiles.SearchMetaFile),
                    // Where the search page without JavaScript sends a visitor instead.
                    ["register"] = site.HasRegister ? c.PathFor(site.RegisterPathIn(language.Code)) : null,
                    ["sitemap"] = c.PathFor(GeneratedFiles.SitemapFile),
                }
                : null,
        };
    }

    /// <summary>
    /// The language switcher's entries: this page in each language, or that language's home page
    /// when the page has no translation there (<c>translated</c> is false then). Empty for a site
    /// in one language.
    /// </summary>
    /// <remarks>
    /// The 404 page is shown at every missing address, so its own address (or a translation's,
    /// which says "not found" too) leads a visitor nowhere: there each language leads to its home
    /// page, and every language but the page's own says so, as for a page not translated.
    /// </remarks>
    private static ScriptArray Languages(Site site, Page current)
    {
        var c = site.Config;
        var languages = new ScriptArray();
        if (!c.IsMultilingual)
        {
            return languages;
        }

        var translations = current.IsNotFound ? [] : site.TranslationsOf(current);
        foreach (var language in c.Languages)
        {
            var translation = translations.FirstOrDefault(p => p.Language == language.Code);
            var own = language.Code == current.Language;
            languages.Add(new ScriptObject
            {
                ["code"] = language.Code,
                ["name"] = language.Name,
                ["culture"] = language.Culture,
                ["url"] = c.PathFor(translation?.Path ?? site.HomeIn(language.Code)?.Path ?? c.PrefixOf(language.Code)),
                ["current"] = own,
                ["translated"] = translation is not null || own,
            });
        }

        return languages;
    }

    private static ScriptObject Frozen(ScriptObject value)
    {
        value.IsReadOnly = true;
        return value;
    }

    public static ScriptObject PageObject(Site site, Page page)
    {
        var c = site.Config;
        var language = c.LanguageOf(page.Language);
        return new ScriptObject
        {
            ["title"] = page.Title,
            ["summary"] = page.Summary,
            ["description"] = page.Summary.Length > 0 ? page.Summary : language.Description,
            ["url"] = c.PathFor(page.Path),
            ["permalink"] = c.AbsoluteUrlFor(page.Path),
            ["kind"] = page.IsNotFound ? "404" : page.Layout is "home" or "timeline" ? page.Layout : "page",
            ["layout"] = page.Layout,
            ["language"] = language.Code,
            ["date_iso"] = page.Date?.Iso ?? "",
            ["date_text"] = page.Date is { } date ? language.Format(date) : "",
            ["content"] = new TrustedHtml(page.ContentHtml),
            ["image"] = page.Image.Length > 0 ? c.AbsoluteUrlFor(page.Image) : "",
            ["image_alt"] = page.ImageAlt,
            ["content_warning"] = page.ContentWarning,
            ["image_path"] = page.Image.TrimStart('/'),
            ["is_home"] = page.IsHome,
            ["alternates"] = Alternates(site, page, out var xDefault),
            ["x_default"] = xDefault,
            ["tags"] = new ScriptArray(page.Tags),
            ["extra"] = Data(page.Extra),
            ["person"] = page.Person is { } person ? PersonObject(site, page, person, language) : null,
            ["register"] = page.Listing is { } listing ? ListingObject(site, listing, language) : null,
            ["cite"] = CiteObject(c, Citation.Of(c, page), language, page),
        };
    }

    /// <summary>The site's own values as the templates read them: maps by name, lists by index, texts as written.</summary>
    private static object Data(object value) => value switch
    {
        IReadOnlyDictionary<string, object> map => map.Aggregate(new OwnValues(), (o, pair) =>
        {
            o[pair.Key] = Data(pair.Value);
            return o;
        }),
        IReadOnlyList<object> list => new ScriptArray(list.Select(Data)),
        _ => value,
    };

    /// <summary>
    /// The page in every language it exists in, itself included, for hreflang links; and the
    /// default language's version for x-default. None for a site in one language or a 404 page.
    /// </summary>
    private static ScriptArray Alternates(Site site, Page page, out string xDefault)
    {
        var c = site.Config;
        var alternates = new ScriptArray();
        xDefault = "";
        if (!c.IsMultilingual || page.IsNotFound)
        {
            return alternates;
        }

        foreach (var translation in site.TranslationsOf(page))
        {
            alternates.Add(new ScriptObject { ["hreflang"] = translation.Language, ["permalink"] = c.AbsoluteUrlFor(translation.Path) });
            if (translation.Language == c.Language)
            {
                xDefault = c.AbsoluteUrlFor(translation.Path);
            }
        }

        return alternates;
    }

    /// <summary>
    /// The events in runs of one year each, in their order; events without a date form runs of
    /// their own where they stand, rather than join a year the source does not give them.
    /// </summary>
    private static List<List<TimelineEvent>> Years(IReadOnlyList<TimelineEvent> events)
    {
        var years = new List<List<TimelineEvent>>();
        foreach (var e in events)
        {
            if (years.Count == 0 || years[^1][0].Date?.Year != e.Date?.Year)
            {
                years.Add([]);
            }

            years[^1].Add(e);
        }

        return years;
    }

    /// <summary>
    /// Built once per build and shared by every page's render, so it is frozen: a template that
    /// tried to change it would otherwise race with the other pages rendering in parallel.
    /// </summary>
    public static ScriptObject TimelineObject(Site site, string languageCode)
    {
        var c = site.Config;
        var language = c.LanguageOf(languageCode);
        var timelinePage = site.TimelinePageIn(language.Code);
        var timelinePath = timelinePage?.Path ?? c.PrefixOf(language.Code) + "timeline/";
        var all = new ScriptArray();
        var years = new ScriptArray();
        foreach (var group in Years(site.Timelines[language.Code]))
        {
            var events = new ScriptArray();
            foreach (var e in group)
            {
                var sources = Sources(e.Sources, language);
                var item = new ScriptObject
                {
                    ["id"] = e.Id,
                    ["title"] = e.Title,
                    ["year"] = e.Date?.Iso[..4] ?? "",
                    ["date_iso"] = e.Date?.Iso ?? "",
                    ["date_text"] = e.Date is { } date ? language.Format(date) : "",
                    ["date_note"] = e.DateNote,
                    ["end_date_iso"] = e.EndDate?.Iso ?? "",
                    ["end_date_text"] = e.EndDate is { } end ? language.Format(end) : "",
                    // The language of the event's text: the default one's where it is not translated, which the theme marks with lang.
                    ["lang"] = e.Language,
                    ["place"] = e.Place,
                    ["body"] = new TrustedHtml(e.BodyHtml),
                    ["sources"] = sources,
                    // Root-relative: it is shown in the page, and an absolute URL would load from the
                    // production host when the site is previewed elsewhere.
                    ["image"] = e.Image.Length > 0 ? c.PathFor(e.Image) : "",
                    ["image_alt"] = e.ImageAlt,
                    ["image_path"] = e.Image.TrimStart('/'),
                    ["content_warning"] = Person.TextIn(e.ContentWarning, language.Code, c.Language),
                    ["people"] = PeopleLinks(site, e.People, language),
                    ["people_count"] = e.People.Count,
                    ["register_url"] = c.PathFor(site.RegisterPathIn(language.Code)),
                    ["url"] = c.PathFor(timelinePath) + "#" + e.Id,
                    ["permalink"] = c.AbsoluteUrlFor(timelinePath) + "#" + e.Id,
                    ["cite"] = CiteObject(c, Citation.OfEvent(c, language.Code, timelinePage, timelinePath, e), language, filesOf: null),
                };
                item.IsReadOnly = true;
                events.Add(item);
                all.Add(item);
            }

            events.IsReadOnly = true;
            var first = group[0];
            years.Add(new ScriptObject
            {
                ["year"] = first.Date?.Iso[..4] ?? "",
                ["undated"] = first.Date is null,
                ["anchor"] = first.Date is { } year ? "y-" + year.Iso[..4] : "undated-" + first.Id,
                ["events"] = events,
                IsReadOnly = true,
            });
        }

        years.IsReadOnly = true;
        all.IsReadOnly = true;
        return new ScriptObject
        {
            ["years"] = years,
            ["events"] = all,
            ["page"] = timelinePage is { } page ? Frozen(PageObject(site, page)) : null,
            IsReadOnly = true,
        };
    }
}

/// <summary>
/// A map of the site's own values ('extra'): a name one page has and another has not is empty on
/// the other, as Hugo's page params are, where every other name a template reads must exist.
/// </summary>
internal sealed class OwnValues : ScriptObject
{
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (!base.TryGetValue(context, span, member, out value))
        {
            value = null;
        }

        return true;
    }
}
