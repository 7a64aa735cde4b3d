using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

/// <summary>
/// A person the memorial remembers, as the site may show them. A record kept out of the site
/// ('publish: false', an embargo not yet over) never becomes one, and a withheld field is empty
/// here: what no stage holds, no template or index can write.
/// </summary>
/// <param name="Name">The name as written in the default language.</param>
/// <param name="Location">Where the record starts: its file, or its row of people.csv.</param>
public sealed record Person(string Id, string Name, SourceLocation Location)
{
    /// <summary>The name in other languages and scripts, by language code; the default language's is <see cref="Name"/>.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = NoTexts;

    /// <summary>The family name, once ("" as the code) or per language, as <see cref="Place"/>: the index sorts by it.</summary>
    public IReadOnlyDictionary<string, string> FamilyName { get; init; } = NoTexts;

    public IReadOnlyDictionary<string, string> GivenName { get; init; } = NoTexts;

    /// <summary>Other spellings the person is known by: transliterations, a maiden name.</summary>
    public IReadOnlyList<string> AlsoKnownAs { get; init; } = [];

    public PartialDate? Born { get; init; }

    public PartialDate? Died { get; init; }

    public int? Age { get; init; }

    /// <summary>Where the person died, by language code; "" holds the text written once for every language.</summary>
    public IReadOnlyDictionary<string, string> Place { get; init; } = NoTexts;

    public IReadOnlyDictionary<string, string> Residence { get; init; } = NoTexts;

    public IReadOnlyDictionary<string, string> Occupation { get; init; } = NoTexts;

    /// <summary>A file of content/media/ ('media/x.jpg'), or empty.</summary>
    public string Photo { get; init; } = "";

    public string PhotoAlt { get; init; } = "";

    public string PhotoCredit { get; init; } = "";

    /// <summary>Where 'photo' is written, for the checks of the image.</summary>
    public SourceLocation PhotoLocation { get; init; }

    /// <summary>'content_warning' by language ("" for every language): the photo and biography's images stay closed until the reader opens them.</summary>
    public IReadOnlyDictionary<string, string> ContentWarning { get; init; } = NoTexts;

    /// <summary>Ids of the timeline events the person belongs to, each one on the timeline.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public IReadOnlyList<Source> Sources { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The site's own values for the record ('extra:'), passed to templates as written.</summary>
    public IReadOnlyDictionary<string, object> Extra { get; init; } = Page.NoExtra;

    /// <summary>'aliases': the addresses the person's pages were once published at; each leads to the page in the language its path starts with.</summary>
    public IReadOnlyList<PageAlias> Aliases { get; init; } = [];

    /// <summary>The biography in each language it is written in, by language code.</summary>
    public IReadOnlyDictionary<string, Biography> Biographies { get; init; } = new Dictionary<string, Biography>();

    /// <summary>The one empty map of records without a text in any language.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoTexts = new Dictionary<string, string>();

    /// <summary>Whether two versions of a record look alike in a list of people: the same id, names, dates and place (a list shows no more).</summary>
    public static bool SameInList(Person a, Person b) =>
        a.Id == b.Id && a.Name == b.Name && a.Born == b.Born && a.Died == b.Died
        && SameTexts(a.Names, b.Names) && SameTexts(a.Place, b.Place) && SameTexts(a.FamilyName, b.FamilyName) && SameTexts(a.GivenName, b.GivenName);

    /// <summary>Whether two versions of a record give the same data for reuse (people.csv, people.json): all but the biography, tags, extra and alt text.</summary>
    public static bool SameInData(Person a, Person b) =>
        SameInList(a, b) && a.Age == b.Age && a.Photo == b.Photo && a.PhotoCredit == b.PhotoCredit
        && a.AlsoKnownAs.SequenceEqual(b.AlsoKnownAs) && a.Events.SequenceEqual(b.Events) && a.Sources.SequenceEqual(b.Sources)
        && SameTexts(a.Residence, b.Residence) && SameTexts(a.Occupation, b.Occupation);

    private static bool SameTexts(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var text) && text == pair.Value));

    /// <summary>"1960 – 20 January 1990", as exact as each date is known and as <paramref name="language"/> writes dates; "" when neither is known.</summary>
    public string LifeIn(SiteLanguage language) => (Born, Died) switch
    {
        ({ } born, { } died) => $"{language.Format(born)} – {language.Format(died)}",
        (null, { } died) => language.Format(died),
        ({ } born, null) => language.Format(born),
        _ => "",
    };

    /// <summary>The name as <paramref name="language"/> writes it, else as written in the default language.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    /// <summary>The language the name is written in on a page in <paramref name="language"/>.</summary>
    public string NameLanguageIn(string language, string defaultLanguage) => Names.ContainsKey(language) ? language : defaultLanguage;

    /// <summary>A text given per language: the language's own, else the one written for every language, else the default language's.</summary>
    public static string TextIn(IReadOnlyDictionary<string, string> texts, string language, string defaultLanguage) =>
        texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault("") ?? texts.GetValueOrDefault(defaultLanguage) ?? "";
}

/// <summary>A person's biography in one language: Markdown, and where it is written.</summary>
public sealed record Biography(string Markdown, string SourcePath, SourceLocation BodyLocation);
