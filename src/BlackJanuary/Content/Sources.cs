using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// Reads the 'sources' of an event or a person: a list of title, publisher, date, url, language,
/// and the address of an archived copy with the day the original was read.
/// </summary>
internal static class Sources
{
    private static readonly string[] SourceKeys = ["title", "publisher", "date", "url", "language", "archived", "accessed"];

    public static List<Source> Read(YamlFields fields, string file, DiagnosticBag diagnostics)
    {
        var sources = new List<Source>();
        foreach (var item in fields.List("sources"))
        {
            var source = YamlFields.Of(item, file, 1, diagnostics, "a source");
            var title = source?.Text("title", required: true);
            var url = source?.Text("url") ?? "";
            var publisher = source?.Text("publisher") ?? "";
            var language = source?.Text("language") ?? "";
            source?.WarnUnknownKeys(SourceKeys);
            if (source is not null && language.Length > 0 && !LanguageCode.IsValid(language))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, source.ValueLocationOf("language"),
                    $"source language '{language}' is not a language code; write the code of the language the title is in, such as en, az or ru");
                language = "";
            }

            var published = source?.Date("date");
            if (source is null || !IsValidUrl(url, "url", source.ValueLocationOf("url"), diagnostics))
            {
                continue;
            }

            var archived = Archived(source.Text("archived") ?? "", url, "url", source.ValueLocationOf("archived"), diagnostics);
            var accessed = Accessed(source.Text("accessed"), source.ValueLocationOf("accessed"), diagnostics);
            if (title is not null)
            {
                sources.Add(new Source(title, url, language)
                {
                    Publisher = publisher, Date = published,
                    Archived = archived, Accessed = accessed, AccessedLocation = accessed is null ? default : source.ValueLocationOf("accessed"),
                });
            }
        }

        return sources;
    }

    /// <summary>Whether a source's <paramref name="field"/> is empty or an absolute http(s) address; reports it at <paramref name="at"/> when not.</summary>
    public static bool IsValidUrl(string url, string field, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (url.Length == 0 || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"source {field} '{url}' must be an absolute http(s) address such as https://example.org/article");
        return false;
    }

    /// <summary>
    /// The address of a source's archived copy, checked; "" when none is given or it cannot be
    /// used. A copy is of an original, so it needs the original's address in <paramref name="urlField"/>.
    /// </summary>
    public static string Archived(string archived, string url, string urlField, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (archived.Length == 0 || !IsValidUrl(archived, "archived copy", at, diagnostics))
        {
            return "";
        }

        if (url.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, at,
                $"the source has an archived copy but no '{urlField}'; add '{urlField}' with the original address the copy was made of (readers see both, and link checks need the original)");
            return "";
        }

        return archived;
    }

    /// <summary>The day a source was read, which must be a whole date; null when not given or not one.</summary>
    public static PartialDate? Accessed(string? text, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var day) && day.Precision == DatePrecision.Day)
        {
            return day;
        }

        diagnostics.Error(DiagnosticCodes.InvalidDate, at, $"accessed date '{text}' is not a valid day; write the day the source was read as YYYY-MM-DD");
        return null;
    }

    private sealed record AccessedKey(DateOnly Today, Values<Source> Sources);

    /// <summary>
    /// Reports each source read on a day after the build's: a typing error in the year, most
    /// likely. Checked apart from reading, since the files are kept while the day changes.
    /// </summary>
    public static void CheckAccessed(IEnumerable<Source> sources, DateOnly today, DiagnosticBag diagnostics, Session? session)
    {
        var dated = sources.Where(s => s.Accessed is not null).ToList();
        Session.Once(session, "content.sources.accessed", new AccessedKey(today, new Values<Source>(dated)), diagnostics, d =>
        {
            foreach (var source in dated.Where(s => s.Accessed!.Start > today))
            {
                d.Error(DiagnosticCodes.InvalidDate, source.AccessedLocation,
                    $"accessed date {source.Accessed} is after the build's date {today:yyyy-MM-dd}; write the day the source was actually read");
            }

            return true;
        });
    }
}
