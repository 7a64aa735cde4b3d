using System.Globalization;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// The register of names as pages: a page per published person per language, the index of
/// everyone (with an editor's pages/people.md as its introduction), lists by place and by date of
/// death, "on this day" pages, and each timeline event's people. Only published records reach it,
/// with what they withhold already removed (<see cref="PeopleLoader.Published"/>).
/// </summary>
internal static class Register
{
    /// <summary>People on one page of a list: a long list is cut into pages, as Hugo's paginate does.</summary>
    public const int PageSize = 100;

    /// <summary>What the register made: every page of the site, the events with their people, the published people.</summary>
    internal sealed record Made(List<Page> Pages, IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> Timelines, IReadOnlyList<Person> People)
    {
        /// <summary>The addresses the people kept out of view would have: see <see cref="Site.Withdrawn"/>.</summary>
        public IReadOnlySet<string> Withdrawn { get; init; } = new HashSet<string>();
    }

    /// <summary>What the checks and the privacy rules read: every record as written, the events, the media, the build's date.</summary>
    private sealed record CheckInputs(SiteConfig Config, Values<PeopleLoader.Record> Records, Values<string> Events, Values<string> Media, DateOnly Today);

    /// <summary>Where each language's register is, and which file its lists are reported at.</summary>
    private sealed record Roots(Values<string> Paths, Values<string> Sources);

    /// <summary>A person's pages read the person and where the register is.</summary>
    private sealed record PersonInputs(Person Person, Roots Roots);

    private sealed record PersonPages(Page[] Pages);

    /// <summary>
    /// What the lists, the events' people and the checks of addresses read: each person as a list
    /// shows them, with their events; the events; the editor's pages' addresses. A biography's edit
    /// leaves it equal, and the lists are kept.
    /// </summary>
    private sealed record ListsInputs(SiteConfig Config, ByPlace<Person> People, IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> Timelines, Roots Roots, ByPlace<Page> Pages);

    private sealed record Lists(List<Page> Pages, Dictionary<string, Listing> Indexes, IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> Timelines);

    internal static Made Add(
        List<PeopleLoader.Record> records, List<Page> pages, IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> timelines, SiteConfig config,
        IReadOnlyList<MediaFile> media, DateOnly today, string contentDir, DiagnosticBag diagnostics, Session? session)
    {
        var intros = pages.Where(p => p.TranslationKey == Page.RegisterKey).ToList();
        if (records.Count == 0 && intros.Count == 0)
        {
            return new Made(pages, timelines, []);
        }

        var events = timelines[config.Language];
        var people = Session.Once(session, "content.register.people",
            new CheckInputs(config, new Values<PeopleLoader.Record>(records), new Values<string>([.. events.Select(e => e.Id)]), new Values<string>([.. media.Select(m => m.OutputPath)]), today),
            diagnostics, d => Check(records, events, media, d).Select(r => PeopleLoader.Published(r, today)).OfType<Person>().ToList());

        // The register's lists are reported at pages/people.md, else at the file the records are in.
        var recordsFile = records.Count > 0 ? records[0].Person.Location.File : Path.Combine(contentDir, "people");
        var roots = new Roots(
            new Values<string>([.. config.Languages.Select(l => intros.FirstOrDefault(p => p.Language == l.Code)?.Path ?? config.PrefixOf(l.Code) + "people/")]),
            new Values<string>([.. config.Languages.Select(l => intros.FirstOrDefault(p => p.Language == l.Code)?.SourcePath ?? recordsFile)]));
        var personPages = Session.Each(session, "content.register.pages", new Units<Person, PersonInputs, PersonPages>(
            people, roots, p => p.Id, p => new PersonInputs(p, roots),
            (person, _) => new PersonPages([.. config.Languages.Select((l, i) => PersonPage(person, roots.Paths.Items[i], l, config))])), diagnostics);
        var lists = Session.Once(session, "content.register.lists",
            new ListsInputs(config, new ByPlace<Person>(people, (a, b) => Person.SameInList(a, b) && a.Events.SequenceEqual(b.Events)), timelines, roots, new ByPlace<Page>(pages, Page.SameInUrlTree)),
            diagnostics, d => MakeLists(people, pages, timelines, config, roots, intros, d));

        var all = new List<Page>(pages.Count + (personPages.Length * config.Languages.Count) + lists.Pages.Count);
        foreach (var page in pages)
        {
            all.Add(page.TranslationKey == Page.RegisterKey && lists.Indexes.TryGetValue(page.Language, out var listing) ? page with { Listing = listing } : page);
        }

        // By language, as the lists: every person's page in the default language, then in the next.
        for (var l = 0; l < config.Languages.Count; l++)
        {
            foreach (var person in personPages)
            {
                all.Add(person.Pages[l]);
            }
        }

        all.AddRange(lists.Pages);
        var shown = people.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var withdrawn = records.Select(r => r.Person.Id).Where(id => !shown.Contains(id))
            .SelectMany(id => roots.Paths.Items.Select(root => root + id + "/")).ToHashSet(StringComparer.Ordinal);
        return new Made(all, lists.Timelines, people) { Withdrawn = withdrawn };
    }

    private static Lists MakeLists(
        List<Person> people, List<Page> pages, IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> timelines, SiteConfig config, Roots roots, List<Page> intros, DiagnosticBag diagnostics)
    {
        var made = new List<Page>();
        var indexes = new Dictionary<string, Listing>(StringComparer.Ordinal);
        for (var i = 0; i < config.Languages.Count; i++)
        {
            var language = config.Languages[i];
            var lists = new RegisterLists(people, language, config, roots.Paths.Items[i]);
            var index = lists.All();
            indexes[language.Code] = index[0];
            var hasIntro = intros.Any(p => p.Language == language.Code);
            var listings = (hasIntro ? index.Skip(1) : index).Concat(lists.ByPlace()).Concat(lists.ByDate()).Concat(lists.OnThisDay(timelines[language.Code]));
            made.AddRange(listings.Select(l => ListingPage(l, language, roots.Sources.Items[i])));
        }

        Collisions(pages, made, people.SelectMany(p => roots.Paths.Items.Select(root => root + p.Id + "/")), diagnostics);
        return new Lists(made, indexes, WithPeople(timelines, people, config));
    }

    /// <summary>
    /// The checks across records: an id used twice (in people.csv and people/ alike), an event the
    /// timeline does not have, a photo not in media/. Returns each id's first record.
    /// </summary>
    private static List<PeopleLoader.Record> Check(List<PeopleLoader.Record> records, IReadOnlyList<TimelineEvent> timeline, IReadOnlyList<MediaFile> media, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, PeopleLoader.Record>(StringComparer.Ordinal);
        var events = timeline.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var files = media.Select(m => m.OutputPath).ToHashSet(StringComparer.Ordinal);
        var kept = new List<PeopleLoader.Record>(records.Count);
        foreach (var record in records)
        {
            var person = record.Person;
            if (!first.TryAdd(person.Id, record))
            {
                var earlier = first[person.Id].Person.Location;
                diagnostics.Error(DiagnosticCodes.DuplicatePersonId, person.Location,
                    $"the id '{person.Id}' is already the person at {Path.GetFileName(earlier.File)}{(earlier.Line > 0 ? $" line {earlier.Line}" : "")}; each person needs an id of their own (it is their address)");
                continue;
            }

            foreach (var id in person.Events.Where(e => !events.Contains(e)))
            {
                diagnostics.Error(DiagnosticCodes.UnknownEvent, record.EventsAt,
                    $"event '{id}' is not on the timeline; " + (Suggest.Nearest(id, events) is { } near ? $"did you mean '{near}'?" : "write the id of an event of timeline.yaml (its 'id', or the one made from its date and title)"));
            }

            if (person.Photo.Length > 0 && !files.Contains(person.Photo.TrimStart('/')))
            {
                diagnostics.Error(DiagnosticCodes.MissingImage, person.PhotoLocation, $"photo '{person.Photo}' is not a file in content/media/; " + (
                    Suggest.Nearest(person.Photo.TrimStart('/'), files) is { } near ? $"did you mean '{near}'?" : "put the file there, or fix the path (written like media/photo.jpg)"));
            }

            kept.Add(record);
        }

        return kept;
    }

    /// <summary>An editor's page at an address the register makes loses to the register, and says so.</summary>
    private static void Collisions(List<Page> pages, List<Page> made, IEnumerable<string> personPaths, DiagnosticBag diagnostics)
    {
        var taken = made.Select(p => p.Path).Concat(personPaths).ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => taken.Contains(p.Path)))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateUrl, page.PathLocation,
                $"the register of names makes a page at /{page.Path}; give this page another 'slug' or file name");
        }
    }

    private static Page PersonPage(Person person, string root, SiteLanguage language, SiteConfig config)
    {
        // The biography in the page's language, else the default language's, which the theme marks with its lang.
        var biography = person.Biographies.GetValueOrDefault(language.Code) ?? person.Biographies.GetValueOrDefault("") ?? person.Biographies.GetValueOrDefault(config.Language);
        var file = biography?.SourcePath ?? person.Location.File;
        var at = new SourceLocation(file);
        return new Page(file, person.NameIn(language.Code), person.Location, null, Summary(person, language, config), "person", default, false,
            root + person.Id + "/", person.Location, "", at, "", null, "", biography?.Markdown ?? "", biography?.BodyLocation ?? at)
        {
            Language = language.Code,
            TranslationKey = "people/" + person.Id,
            Person = person,
            ContentWarning = Person.TextIn(person.ContentWarning, language.Code, config.Language),
            Aliases = [.. person.Aliases.Where(a => config.LanguageOfPath(a.Path).Code == language.Code)],
            Tags = person.Tags,
            Extra = person.Extra,
        };
    }

    /// <summary>"Name, 1960 – 20 January 1990, Place": what search results and link previews show of the person.</summary>
    private static string Summary(Person person, SiteLanguage language, SiteConfig config)
    {
        var place = Person.TextIn(person.Place, language.Code, config.Language);
        return string.Join(", ", new[] { person.NameIn(language.Code), person.LifeIn(language), place }.Where(t => t.Length > 0));
    }

    private static Page ListingPage(Listing listing, SiteLanguage language, string source)
    {
        var at = new SourceLocation(source);
        var path = listing.PathOf(listing.Number);
        return new Page(source, "", at, null, "", "people", default, false, path, at, "", at, "", null, "", "", at)
        {
            Language = language.Code,
            // The same list in another language is its translation: by kind, value and page, not by its path's words.
            TranslationKey = $"people/{listing.Kind}/{listing.Value}/{listing.Number}",
            Listing = listing,
        };
    }

    /// <summary>Each event in each language with the people whose record names it.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> WithPeople(IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> timelines, List<Person> people, SiteConfig config)
    {
        var byEvent = people.SelectMany(p => p.Events.Distinct().Select(e => (Event: e, Person: p))).ToLookup(x => x.Event, x => x.Person, StringComparer.Ordinal);
        if (byEvent.Count == 0)
        {
            return timelines;
        }

        return timelines.ToDictionary(
            t => t.Key,
            t =>
            {
                // In the language's alphabet, by the name as its pages show it.
                var byName = StringComparer.Create(config.LanguageOf(t.Key).CultureInfo, ignoreCase: true);
                return (IReadOnlyList<TimelineEvent>)t.Value.Select(e => byEvent.Contains(e.Id) ? e with { People = new PeopleList([.. byEvent[e.Id].OrderBy(p => p.NameIn(t.Key), byName)]) } : e).ToList();
            },
            StringComparer.Ordinal);
    }
}
