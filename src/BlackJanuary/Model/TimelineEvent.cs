namespace BlackJanuary.Model;

/// <summary>
/// One event of timeline.yaml. As loaded, its texts are in <see cref="Texts"/>; <see cref="In"/>
/// gives the event as one language shows it, with <see cref="Title"/>, <see cref="Place"/>,
/// <see cref="DateNote"/> and <see cref="BodyMarkdown"/> set.
/// </summary>
/// <param name="Date">Null when the source gives no date: the event then has a <see cref="DateNote"/> saying so, and keeps its place in the file's order.</param>
public sealed record TimelineEvent(
    string Id,
    PartialDate? Date,
    PartialDate? EndDate,
    string Title,
    string Place,
    string BodyMarkdown,
    IReadOnlyList<Source> Sources,
    string Image,
    string ImageAlt,
    Diagnostics.SourceLocation Location)
{
    /// <summary>Where 'image' is written; the event's start for an event without one.</summary>
    public Diagnostics.SourceLocation ImageLocation { get; init; } = Location;

    /// <summary>'content_warning' by language ("" for every language): the event's image stays closed until the reader opens it.</summary>
    public IReadOnlyDictionary<string, string> ContentWarning { get; init; } = Person.NoTexts;

    /// <summary>Rendered <see cref="BodyMarkdown"/>, set by the Markdown stage.</summary>
    public string BodyHtml { get; init; } = "";

    /// <summary>Links to other sites in <see cref="BodyMarkdown"/>, found by the Markdown stage.</summary>
    public IReadOnlyList<WrittenLink> ExternalLinks { get; init; } = [];

    /// <summary>The texts by language code; "" holds the ones written once for every language.</summary>
    public IReadOnlyDictionary<string, EventText> Texts { get; init; } = new Dictionary<string, EventText>();

    /// <summary>What the source says, or does not say, of the event's date, in the page's language; shown with the date, or instead of it.</summary>
    public string DateNote { get; init; } = "";

    /// <summary>The published people whose record names the event in its 'events', in the order of the register.</summary>
    public PeopleList People { get; init; } = PeopleList.None;

    /// <summary>The language <see cref="Title"/> is written in: the page's, or the default language's where the event has no translation.</summary>
    public string Language { get; init; } = "";

    /// <summary>Whether two versions of an event look alike to the site-wide checks: the same image, alt text, id and place in the file.</summary>
    public static bool SameForChecks(TimelineEvent a, TimelineEvent b) => a.Image == b.Image && a.ImageAlt == b.ImageAlt && a.Location == b.Location && a.ImageLocation == b.ImageLocation && a.Id == b.Id;

    /// <summary>Whether two versions of an event look alike to a link to it: the same id, title, language and date (what a person's page shows of it).</summary>
    public static bool SameLink(TimelineEvent a, TimelineEvent b) => a.Id == b.Id && a.Title == b.Title && a.Language == b.Language && a.Date == b.Date;

    /// <summary>
    /// The event in <paramref name="language"/>: each text in that language, else the one written
    /// for every language, else the default language's. Nothing is made up for a missing text.
    /// </summary>
    public TimelineEvent In(string language, string defaultLanguage)
    {
        string? Pick(Func<EventText, string?> field, out string from)
        {
            foreach (var code in new[] { language, "", defaultLanguage })
            {
                if (Texts.TryGetValue(code, out var text) && field(text) is { } value)
                {
                    from = code.Length == 0 ? language : code;
                    return value;
                }
            }

            from = language;
            return null;
        }

        var title = Pick(t => t.Title, out var titleLanguage) ?? Title;
        return this with
        {
            Title = title,
            Place = Pick(t => t.Place, out _) ?? "",
            BodyMarkdown = Pick(t => t.Body, out _) ?? "",
            DateNote = Pick(t => t.DateNote, out _) ?? "",
            Language = titleLanguage,
        };
    }

    /// <summary>Whether the event has its own text in <paramref name="language"/>; texts written once for every language count.</summary>
    public bool IsTranslatedInto(string language)
    {
        // Every field given per language (title, place or body as a mapping) needs its text in this one.
        var perLanguage = Texts.Where(t => t.Key.Length > 0).Select(t => t.Value).ToList();
        Texts.TryGetValue(language, out var own);
        return (!perLanguage.Any(t => t.Title is not null) || own?.Title is not null)
            && (!perLanguage.Any(t => t.Place is not null) || own?.Place is not null)
            && (!perLanguage.Any(t => t.Body is not null) || own?.Body is not null)
            && (!perLanguage.Any(t => t.DateNote is not null) || own?.DateNote is not null);
    }
}

/// <summary>An event's texts in one language; null where that language gives none.</summary>
public sealed record EventText(string? Title, string? Place, string? Body, string? DateNote);
