using BlackJanuary.Model;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

/// <summary>The register of names as templates see it: page.person on a person's page, page.register on a list's, event.people on the timeline.</summary>
internal static partial class TemplateModel
{
    private static ScriptArray Sources(IReadOnlyList<Source> sources, SiteLanguage language)
    {
        var list = new ScriptArray();
        foreach (var s in sources)
        {
            list.Add(new ScriptObject
            {
                ["title"] = s.Title, ["url"] = s.Url, ["lang"] = s.Language, ["publisher"] = s.Publisher,
                ["date_iso"] = s.Date?.Iso ?? "", ["date_text"] = s.Date is { } published ? language.Format(published) : "",
                ["archived"] = s.Archived, ["version_date"] = s.VersionDate?.Iso ?? "",
                ["accessed_iso"] = s.Accessed?.Iso ?? "", ["accessed_text"] = s.Accessed is { } accessed ? language.Format(accessed) : "",
                IsReadOnly = true,
            });
        }

        list.IsReadOnly = true;
        return list;
    }

    private static ScriptObject PersonObject(Site site, Page page, Person person, SiteLanguage language)
    {
        var c = site.Config;
        var root = site.RegisterPathIn(language.Code);
        // Other scripts and spellings of the name, each in its own language, for the theme to mark with lang.
        var names = new ScriptArray();
        foreach (var other in c.Languages.Where(l => l.Code != language.Code))
        {
            var name = other.Code == c.Language ? person.Name : person.Names.GetValueOrDefault(other.Code);
            if (name is not null && name != page.Title)
            {
                names.Add(new ScriptObject { ["lang"] = other.Code, ["language"] = other.Name, ["name"] = name });
            }
        }

        var timeline = site.Timelines[language.Code];
        var events = EventLinks(site, person.Events.Select(id => timeline.FirstOrDefault(e => e.Id == id)).OfType<TimelineEvent>(), language);
        var biography = person.Biographies.ContainsKey(language.Code) ? language.Code
            : person.Biographies.ContainsKey("") || person.Biographies.ContainsKey(c.Language) ? c.Language : "";
        var place = Person.TextIn(person.Place, language.Code, c.Language);
        var placeSlug = Reading.Slug.From(Person.TextIn(person.Place, c.Language, c.Language));
        return new ScriptObject
        {
            ["id"] = person.Id,
            ["name"] = page.Title,
            ["lang"] = person.NameLanguageIn(language.Code, c.Language),
            ["names"] = names,
            ["family_name"] = Person.TextIn(person.FamilyName, language.Code, c.Language),
            ["given_name"] = Person.TextIn(person.GivenName, language.Code, c.Language),
            ["also_known_as"] = new ScriptArray(person.AlsoKnownAs),
            ["born_iso"] = person.Born?.Iso ?? "",
            ["born_text"] = person.Born is { } born ? language.Format(born) : "",
            ["died_iso"] = person.Died?.Iso ?? "",
            ["died_text"] = person.Died is { } died ? language.Format(died) : "",
            ["died_url"] = person.Died is { } d ? c.PathFor($"{root}died/{d.Iso.Replace('-', '/')}/") : "",
            ["on_this_day_url"] = person.Died is { Precision: DatePrecision.Day } day ? c.PathFor($"{c.PrefixOf(language.Code)}on-this-day/{day.Iso[5..]}/") : "",
            ["age"] = person.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["place"] = place,
            ["place_url"] = placeSlug.Length > 0 ? c.PathFor($"{root}places/{placeSlug}/") : "",
            ["residence"] = Person.TextIn(person.Residence, language.Code, c.Language),
            ["occupation"] = Person.TextIn(person.Occupation, language.Code, c.Language),
            ["photo"] = person.Photo.Length > 0 ? c.PathFor(person.Photo) : "",
            ["photo_alt"] = person.PhotoAlt,
            ["photo_credit"] = person.PhotoCredit,
            // The photo's path in the site, for 'image', which writes it in every size and format.
            ["photo_path"] = person.Photo.TrimStart('/'),
            ["content_warning"] = Person.TextIn(person.ContentWarning, language.Code, c.Language),
            ["events"] = events,
            ["sources"] = Sources(person.Sources, language),
            ["biography_lang"] = biography,
            ["register_url"] = c.PathFor(root),
        };
    }

    /// <summary>How many of an event's people the timeline names; the register lists them all.</summary>
    public const int PeoplePerEvent = 50;

    /// <summary>Links to an event's first <see cref="PeoplePerEvent"/> people: the name in the page's language (marked when it is another), the dates and the place.</summary>
    private static ScriptArray PeopleLinks(Site site, IReadOnlyList<Person> people, SiteLanguage language)
    {
        var c = site.Config;
        var root = site.RegisterPathIn(language.Code);
        var links = new ScriptArray();
        foreach (var person in people.Take(PeoplePerEvent))
        {
            links.Add(PersonLink(person, root, language, c));
        }

        links.IsReadOnly = true;
        return links;
    }

    private static ScriptObject PersonLink(Person person, string root, SiteLanguage language, SiteConfig c) => new()
    {
        ["id"] = person.Id,
        ["name"] = person.NameIn(language.Code),
        ["lang"] = person.NameLanguageIn(language.Code, c.Language),
        ["url"] = c.PathFor(root + person.Id + "/"),
        ["born_iso"] = person.Born?.Iso ?? "",
        ["born_text"] = person.Born is { } born ? language.Format(born) : "",
        ["died_iso"] = person.Died?.Iso ?? "",
        ["died_text"] = person.Died is { } died ? language.Format(died) : "",
        ["place"] = Person.TextIn(person.Place, language.Code, c.Language),
        IsReadOnly = true,
    };

    private static ScriptObject ListingObject(Site site, Listing listing, SiteLanguage language)
    {
        var c = site.Config;
        ScriptArray Links(IEnumerable<ListingLink> links, Func<ListingLink, string> text) =>
            new(links.Select(l => new ScriptObject { ["text"] = text(l), ["url"] = c.PathFor(l.Path) + (l.Anchor.Length > 0 ? "#" + l.Anchor : ""), ["count"] = l.Count }));
        var root = site.RegisterPathIn(language.Code);
        var groups = new ScriptArray();
        foreach (var group in listing.Groups)
        {
            groups.Add(new ScriptObject
            {
                ["letter"] = group.Letter,
                ["anchor"] = group.Anchor,
                ["people"] = new ScriptArray(group.People.Select(p => PersonLink(p, root, language, c))),
            });
        }

        // The first, the last and the pages near this one: a list of 1,000 pages links to seven of them, not to every one.
        var shown = Enumerable.Range(1, listing.Count).Where(n => n == 1 || n == listing.Count || Math.Abs(n - listing.Number) <= 2).ToList();
        var pages = new ScriptArray(shown.Select((n, i) => new ScriptObject
        {
            ["number"] = n, ["url"] = c.PathFor(listing.PathOf(n)), ["current"] = n == listing.Number,
            ["gap_before"] = i > 0 && shown[i - 1] != n - 1,
        }));
        return new ScriptObject
        {
            ["kind"] = listing.Kind switch { ListingKind.All => "all", ListingKind.Place => "place", ListingKind.Died => "died", _ => "on_this_day" },
            ["value"] = listing.Value,
            ["date_iso"] = listing.Kind == ListingKind.Died ? listing.Date?.Iso ?? "" : "",
            ["date_text"] = listing.Date is { } date ? listing.Kind == ListingKind.OnThisDay ? DayText(date, language) : language.Format(date) : "",
            ["total"] = listing.Total,
            ["groups"] = groups,
            ["letters"] = Links(listing.Letters, l => l.Text),
            ["number"] = listing.Number,
            ["count"] = listing.Count,
            ["pages"] = pages,
            ["prev_url"] = listing.Number > 1 ? c.PathFor(listing.PathOf(listing.Number - 1)) : "",
            ["next_url"] = listing.Number < listing.Count ? c.PathFor(listing.PathOf(listing.Number + 1)) : "",
            ["first_url"] = c.PathFor(listing.FirstPath),
            ["places"] = Links(listing.Filters.Places, l => l.Text),
            ["dates"] = Links(listing.Filters.Dates, l => PartialDate.TryParse(l.Text, out var d) ? language.Format(d) : l.Text),
            ["days"] = Links(listing.Filters.Days, l => PartialDate.TryParse("2000-" + l.Text, out var d) ? DayText(d, language) : l.Text),
            ["events"] = EventLinks(site, site.Timelines[language.Code].Where(e => listing.Events.Contains(e.Id)), language),
            ["register_url"] = c.PathFor(root),
        };
    }

    /// <summary>Links to events on the timeline page of the language (none when the site has no such page): title, its language, date.</summary>
    private static ScriptArray EventLinks(Site site, IEnumerable<TimelineEvent> events, SiteLanguage language)
    {
        var c = site.Config;
        var timelinePath = site.TimelinePageIn(language.Code)?.Path;
        return new ScriptArray(events.Select(e => new ScriptObject
        {
            ["id"] = e.Id, ["title"] = e.Title, ["lang"] = e.Language,
            ["date_iso"] = e.Date?.Iso ?? "", ["date_text"] = e.Date is { } date ? language.Format(date) : "",
            ["url"] = timelinePath is null ? "" : c.PathFor(timelinePath) + "#" + e.Id,
        }));
    }

    /// <summary>A day of the year as the language writes it, without a year: "20 January", "20 yanvar", "20 января".</summary>
    internal static string DayText(PartialDate date, SiteLanguage language)
    {
        var culture = language.CultureInfo;
        return date.Start.ToDateTime(TimeOnly.MinValue).ToString(culture.DateTimeFormat.MonthDayPattern, culture);
    }
}
