using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>Reads the 'sources' of an event or a person: a list of title, publisher, date, url and language.</summary>
internal static class Sources
{
    private static readonly string[] SourceKeys = ["title", "publisher", "date", "url", "language"];

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
            if (source is not null && !IsValidUrl(url, source.ValueLocationOf("url"), diagnostics))
            {
                continue;
            }

            if (title is not null)
            {
                sources.Add(new Source(title, url, language) { Publisher = publisher, Date = published });
            }
        }

        return sources;
    }

    /// <summary>Whether a source's url is empty or an absolute http(s) address; reports it at <paramref name="at"/> when not.</summary>
    public static bool IsValidUrl(string url, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (url.Length == 0 || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"source url '{url}' must be an absolute http(s) address such as https://example.org/article");
        return false;
    }
}
