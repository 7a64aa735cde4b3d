namespace BlackJanuary.Model;

/// <summary>What a page of the register lists.</summary>
public enum ListingKind
{
    /// <summary>Everyone (/people/).</summary>
    All,

    /// <summary>The people who died at one place (/people/places/&lt;place&gt;/).</summary>
    Place,

    /// <summary>The people who died in one year, month or day (/people/died/1990/01/20/).</summary>
    Died,

    /// <summary>The people who died on one day of the year, in any year, and the events of that day (/on-this-day/01-20/).</summary>
    OnThisDay,
}

/// <summary>
/// One page of a list of people, sorted by the page language's collation and grouped by first
/// letter. Long lists are cut into pages: <see cref="Number"/> of <see cref="Count"/>.
/// </summary>
/// <param name="Value">What the list is of: the place's name, the date ("1990-01"), the day ("01-20"); empty for everyone.</param>
/// <param name="FirstPath">The path of the list's first page; page n is at FirstPath + "page/n/".</param>
/// <param name="Total">How many people the whole list has, over all its pages.</param>
public sealed record Listing(ListingKind Kind, string Value, IReadOnlyList<ListingGroup> Groups, int Number, int Count, string FirstPath, int Total)
{
    /// <summary>Every first letter of the list, each leading to the page and group where it starts.</summary>
    public IReadOnlyList<ListingLink> Letters { get; init; } = [];

    /// <summary>The narrower lists of the same people (the register's filters).</summary>
    public RegisterFilters Filters { get; init; } = RegisterFilters.None;

    /// <summary>The date of a list by date; for a day of the year, its month and day in the year 2000 (which has every day).</summary>
    public PartialDate? Date { get; init; }

    /// <summary>The ids of the timeline events on the day of an "on this day" page.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>
    /// Equal to a list of the same people, letters and filters, remade or not: a rebuild after
    /// one person's edit remakes every list, and only those that changed are rendered again.
    /// </summary>
    public bool Equals(Listing? other) =>
        other is not null && (ReferenceEquals(this, other) || (Kind == other.Kind && Value == other.Value && Number == other.Number && Count == other.Count
            && FirstPath == other.FirstPath && Total == other.Total && Date == other.Date && Filters.Equals(other.Filters)
            && Groups.SequenceEqual(other.Groups) && Letters.SequenceEqual(other.Letters) && Events.SequenceEqual(other.Events)));

    public override int GetHashCode() => HashCode.Combine(Kind, Value, Number, Total);

    /// <summary>The path of page <paramref name="number"/> of the list.</summary>
    public string PathOf(int number) => PathOf(FirstPath, number);

    /// <summary>The path of page <paramref name="number"/> of the list whose first page is at <paramref name="firstPath"/>.</summary>
    public static string PathOf(string firstPath, int number) => number <= 1 ? firstPath : $"{firstPath}page/{number}/";
}

/// <summary>People under one first letter, with the anchor the jump list leads to.</summary>
public sealed record ListingGroup(string Letter, string Anchor, PeopleList People);

/// <summary>A link to a list: its text, its path, how many people it has.</summary>
/// <param name="Anchor">The id of the group on that page the link leads to (a letter's), or empty.</param>
public sealed record ListingLink(string Text, string Path, int Count, string Anchor = "");

/// <summary>
/// The narrower lists of a list's people, which the theme shows as filters: on the index, the
/// places, the years of death and the days of the year; on a year's list its months, on a month's its days.
/// </summary>
public sealed record RegisterFilters(IReadOnlyList<ListingLink> Places, IReadOnlyList<ListingLink> Dates, IReadOnlyList<ListingLink> Days)
{
    public bool Equals(RegisterFilters? other) =>
        other is not null && Places.SequenceEqual(other.Places) && Dates.SequenceEqual(other.Dates) && Days.SequenceEqual(other.Days);

    public override int GetHashCode() => HashCode.Combine(Places.Count, Dates.Count, Days.Count);

    public static readonly RegisterFilters None = new([], [], []);
}
