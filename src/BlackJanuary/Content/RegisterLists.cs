using System.Globalization;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// The register's lists in one language: everyone sorted by the language's collation (ə after e
/// in Azerbaijani, ё with е in Russian), grouped by first letter, cut into pages of
/// <see cref="Register.PageSize"/>; and the narrower lists by place, by date of death and by day of the year.
/// </summary>
internal sealed class RegisterLists
{
    private readonly SiteLanguage _language;
    private readonly SiteConfig _config;
    private readonly string _root;
    private readonly CompareInfo _compare;
    private readonly List<Entry> _sorted;

    /// <summary>A person with the text they sort by and the letter they stand under.</summary>
    private sealed record Entry(Person Person, SortKey Key, string Letter);

    public RegisterLists(List<Person> people, SiteLanguage language, SiteConfig config, string root)
    {
        (_language, _config, _root) = (language, config, root);
        _compare = language.CultureInfo.CompareInfo;
        var entries = new Entry[people.Count];
        // Sort keys are made once per person: comparing them is a byte comparison, where comparing
        // the texts by the culture's rules would apply those rules again at every one of the n·log n comparisons.
        Parallel.For(0, people.Count, i =>
        {
            var text = SortText(people[i]);
            entries[i] = new Entry(people[i], _compare.GetSortKey(text), FirstLetter(text));
        });
        Array.Sort(entries, (a, b) => SortKey.Compare(a.Key, b.Key) is var c and not 0 ? c : string.CompareOrdinal(a.Person.Id, b.Person.Id));
        _sorted = [.. entries];
    }

    /// <summary>
    /// By family name, then given name, as this language writes them ('family_name: {ru: …}');
    /// else by the name as this language writes it ('names: {ru: …}'), whose parts the engine
    /// cannot tell apart; else by the default language's family and given name, else its name.
    /// </summary>
    private string SortText(Person person)
    {
        var code = _language.Code;
        var isDefault = code == _config.Language;
        if (PartIn(person.FamilyName, code, isDefault) is { } family)
        {
            return $"{family} {PartIn(person.GivenName, code, isDefault)}".Trim();
        }

        if (!isDefault && person.Names.TryGetValue(code, out var own))
        {
            return own;
        }

        return PartIn(person.FamilyName, _config.Language, isDefault: true) is { } defaultFamily
            ? $"{defaultFamily} {PartIn(person.GivenName, _config.Language, isDefault: true)}".Trim()
            : person.NameIn(code);
    }

    /// <summary>A name part in a language: its own text, or for the default language the one written once.</summary>
    private static string? PartIn(IReadOnlyDictionary<string, string> texts, string code, bool isDefault) =>
        texts.GetValueOrDefault(code) ?? (isDefault ? texts.GetValueOrDefault("") : null);

    /// <summary>The first letter as the language writes it in capitals: Azerbaijani 'i' is 'İ'.</summary>
    private string FirstLetter(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length == 0 ? "" : _language.CultureInfo.TextInfo.ToUpper(StringInfo.GetNextTextElement(trimmed));
    }

    public List<Listing> All() => Paged(_sorted, ListingKind.All, "", _root, null, Filters(_sorted, top: true), []);

    public IEnumerable<Listing> ByPlace()
    {
        foreach (var (slug, group) in Places(_sorted))
        {
            foreach (var page in Paged(group, ListingKind.Place, PlaceText(group[0].Person), $"{_root}places/{slug}/", null, RegisterFilters.None, []))
            {
                yield return page;
            }
        }
    }

    public IEnumerable<Listing> ByDate()
    {
        var died = _sorted.Where(e => e.Person.Died is not null).ToList();
        foreach (var year in died.GroupBy(e => e.Person.Died!.Year).OrderBy(g => g.Key))
        {
            var inYear = year.ToList();
            var yearDate = new PartialDate(year.Key, 1, 1, DatePrecision.Year);
            foreach (var page in Paged(inYear, ListingKind.Died, yearDate.Iso, DatePath(yearDate), yearDate, new RegisterFilters([], Narrower(inYear, DatePrecision.Month), []), []))
            {
                yield return page;
            }

            foreach (var month in inYear.Where(e => e.Person.Died!.Precision >= DatePrecision.Month).GroupBy(e => e.Person.Died!.Month).OrderBy(g => g.Key))
            {
                var inMonth = month.ToList();
                var monthDate = new PartialDate(year.Key, month.Key, 1, DatePrecision.Month);
                foreach (var page in Paged(inMonth, ListingKind.Died, monthDate.Iso, DatePath(monthDate), monthDate, new RegisterFilters([], Narrower(inMonth, DatePrecision.Day), []), []))
                {
                    yield return page;
                }

                foreach (var day in inMonth.Where(e => e.Person.Died!.Precision == DatePrecision.Day).GroupBy(e => e.Person.Died!.Day).OrderBy(g => g.Key))
                {
                    var dayDate = new PartialDate(year.Key, month.Key, day.Key, DatePrecision.Day);
                    foreach (var page in Paged([.. day], ListingKind.Died, dayDate.Iso, DatePath(dayDate), dayDate, RegisterFilters.None, []))
                    {
                        yield return page;
                    }
                }
            }
        }
    }

    /// <summary>A page for each day of the year on which someone of the register died, with the timeline's events of that day.</summary>
    public IEnumerable<Listing> OnThisDay(IReadOnlyList<TimelineEvent> timeline)
    {
        foreach (var day in Days(_sorted))
        {
            var date = new PartialDate(2000, day.Key.Month, day.Key.Day, DatePrecision.Day);
            var events = timeline.Where(e => e.Date is { Precision: DatePrecision.Day } d && d.Month == date.Month && d.Day == date.Day).Select(e => e.Id).ToList();
            foreach (var page in Paged([.. day], ListingKind.OnThisDay, DayValue(date), DayPath(date), date, RegisterFilters.None, events))
            {
                yield return page;
            }
        }
    }

    private static IEnumerable<IGrouping<(int Month, int Day), Entry>> Days(IEnumerable<Entry> entries) =>
        entries.Where(e => e.Person.Died is { Precision: DatePrecision.Day }).GroupBy(e => (e.Person.Died!.Month, e.Person.Died!.Day)).OrderBy(g => g.Key);

    private static string DayValue(PartialDate date) => date.Iso[5..];

    private string DayPath(PartialDate date) => $"{_config.PrefixOf(_language.Code)}on-this-day/{DayValue(date)}/";

    private string DatePath(PartialDate date) => $"{_root}died/{date.Iso.Replace('-', '/')}/";

    private string PlaceText(Person person) => Person.TextIn(person.Place, _language.Code, _config.Language);

    /// <summary>The places people died at, by the slug of the default language's name: one list per place, whatever the language.</summary>
    private List<(string Slug, List<Entry> People)> Places(IEnumerable<Entry> entries) =>
        [.. entries.Select(e => (Entry: e, Slug: Slug.From(Person.TextIn(e.Person.Place, _config.Language, _config.Language))))
            .Where(x => x.Slug.Length > 0)
            .GroupBy(x => x.Slug, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Entry).ToList()))
            .OrderBy(g => PlaceText(g.Item2[0].Person), StringComparer.Create(_language.CultureInfo, ignoreCase: true))];

    private RegisterFilters Filters(List<Entry> entries, bool top) =>
        !top ? RegisterFilters.None : new RegisterFilters(
            [.. Places(entries).Select(p => new ListingLink(PlaceText(p.People[0].Person), $"{_root}places/{p.Slug}/", p.People.Count))],
            [.. entries.Where(e => e.Person.Died is not null).GroupBy(e => e.Person.Died!.Year).OrderBy(g => g.Key)
                .Select(g => new PartialDate(g.Key, 1, 1, DatePrecision.Year) is var y ? new ListingLink(y.Iso, DatePath(y), g.Count()) : null!)],
            [.. Days(entries).Select(g => new PartialDate(2000, g.Key.Month, g.Key.Day, DatePrecision.Day) is var d ? new ListingLink(DayValue(d), DayPath(d), g.Count()) : null!)]);

    /// <summary>The months of a year's list, or the days of a month's, that have people dated so precisely.</summary>
    private List<ListingLink> Narrower(List<Entry> entries, DatePrecision precision) =>
        [.. entries.Where(e => e.Person.Died!.Precision >= precision)
            .GroupBy(e => precision == DatePrecision.Month ? new PartialDate(e.Person.Died!.Year, e.Person.Died.Month, 1, precision) : e.Person.Died!)
            .OrderBy(g => g.Key)
            .Select(g => new ListingLink(g.Key.Iso, DatePath(g.Key), g.Count()))];

    /// <summary>A list cut into pages, each with its letter groups, and every page with the jump list of the whole list.</summary>
    private List<Listing> Paged(List<Entry> entries, ListingKind kind, string value, string firstPath, PartialDate? date, RegisterFilters filters, IReadOnlyList<string> events)
    {
        var count = Math.Max(1, (entries.Count + Register.PageSize - 1) / Register.PageSize);
        // Letters are compared as the language reads them: 'Ё' stands with 'Е' in Russian, while Azerbaijani 'Ç' is a letter of its own.
        var starts = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i == 0 || _compare.Compare(entries[i].Letter, entries[i - 1].Letter, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) != 0)
            {
                starts.Add(i);
            }
        }

        var letters = starts.Select((start, k) => new ListingLink(entries[start].Letter, Listing.PathOf(firstPath, start / Register.PageSize + 1), (k + 1 < starts.Count ? starts[k + 1] : entries.Count) - start, $"l-{k + 1}")).ToList();
        var pages = new List<Listing>(count);
        for (var n = 1; n <= count; n++)
        {
            var from = (n - 1) * Register.PageSize;
            var to = Math.Min(entries.Count, from + Register.PageSize);
            var groups = new List<ListingGroup>();
            for (var k = 0; k < starts.Count; k++)
            {
                var start = Math.Max(starts[k], from);
                var end = Math.Min(k + 1 < starts.Count ? starts[k + 1] : entries.Count, to);
                if (start < end)
                {
                    groups.Add(new ListingGroup(letters[k].Text, letters[k].Anchor, new PeopleList([.. entries[start..end].Select(e => e.Person)])));
                }
            }

            pages.Add(new Listing(kind, value, groups, n, count, firstPath, entries.Count) { Letters = letters, Filters = filters, Date = date, Events = events });
        }

        return pages;
    }
}
