using System.Globalization;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

/// <summary>Settings from content/site.yaml, with command-line overrides applied.</summary>
/// <param name="Language">The code of the default language, whose pages need no code in their file names.</param>
/// <param name="Languages">Every language of the site, the default one first; a site without 'languages' has just its one.</param>
/// <param name="DefaultLanguageInSubdir">Whether the default language's pages live under /code/ like the others, instead of at the root.</param>
/// <param name="ImageLocation">Where 'image' is written; the file's start for a site without one.</param>
/// <param name="NavLinks">The url of every nav entry, the site-wide and each language's, where it is written.</param>
/// <param name="AllowActiveMedia">media.allow_active_files: publish files of media/ that can run code or are of unknown types (see SECURITY.md).</param>
public sealed record SiteConfig(
    string Title,
    string Tagline,
    string Description,
    Uri BaseUrl,
    string Language,
    string Author,
    string Image,
    SourceLocation ImageLocation,
    IReadOnlyList<NavItem>? Nav,
    IReadOnlyList<WrittenLink> NavLinks,
    RawHtml RawHtml,
    string SourceFile,
    IReadOnlyList<SiteLanguage> Languages,
    bool DefaultLanguageInSubdir = false,
    bool AllowActiveMedia = false)
{
    /// <summary>How images are resized and encoded ('images' in site.yaml).</summary>
    public ImageSettings Images { get; init; } = ImageSettings.Default;

    /// <summary>The largest file media/ may publish ('media: max_file_mb'): GitHub Pages refuses files over 100 MiB.</summary>
    public long MaxMediaBytes { get; init; } = DefaultMaxMediaBytes;

    public const long DefaultMaxMediaBytes = 100L * 1024 * 1024;

    public bool IsMultilingual => Languages.Count > 1;

    public SiteLanguage DefaultLanguage => Languages[0];

    /// <summary>The language with this code; the default one for a code the site does not have.</summary>
    public SiteLanguage LanguageOf(string code) => Languages.FirstOrDefault(l => l.Code == code) ?? DefaultLanguage;

    /// <summary>Where a language's URL tree starts: "" for the default language at the root, else "ru/".</summary>
    public string PrefixOf(string code) =>
        code == Language && !DefaultLanguageInSubdir ? "" : code + "/";

    /// <summary>The language whose URL tree a site path is in: the one its prefix names ("ru/…"), else the default.</summary>
    public SiteLanguage LanguageOfPath(string sitePath) =>
        Languages.FirstOrDefault(l => PrefixOf(l.Code) is { Length: > 0 } prefix && sitePath.StartsWith(prefix, StringComparison.Ordinal)) ?? DefaultLanguage;

    /// <summary>The path part of <see cref="BaseUrl"/>, always ending in "/" ("/memorial/").</summary>
    public string BasePath => BaseUrl.AbsolutePath;

    /// <summary>
    /// The root-relative URL of a site path ("timeline/" → "/memorial/timeline/"). Root-relative
    /// rather than relative, because 404.html is served at whatever URL was missing.
    /// </summary>
    public string PathFor(string sitePath) => Urls.IsExternal(sitePath) ? Urls.Normalize(sitePath) : BasePath + Urls.EncodePath(sitePath.TrimStart('/'));

    /// <summary>The absolute URL of a site path, for canonical links, feeds and sitemaps.</summary>
    public string AbsoluteUrlFor(string sitePath) =>
        Urls.IsExternal(sitePath) ? Urls.Normalize(sitePath) : BaseUrl.GetLeftPart(UriPartial.Authority) + PathFor(sitePath);
}

/// <summary>What the build does with raw HTML in Markdown (markdown.unsafe_html and markdown.trusted_html in site.yaml).</summary>
public enum RawHtml
{
    /// <summary>Written as text, the default: content may come from strangers' pull requests.</summary>
    Escaped,

    /// <summary>
    /// Allowed, then sanitised (unsafe_html): ordinary markup stays, anything that could run code,
    /// load from elsewhere or break the CSP is removed with a warning.
    /// </summary>
    Sanitized,

    /// <summary>Written as it is (trusted_html), for a site whose owner writes every word of it.</summary>
    Trusted,
}

/// <summary>
/// One language of the site ('languages' in site.yaml): its name in itself, the culture that
/// formats its dates and sorts its lists, and the site's title, tagline, description and
/// navigation in it (the site-wide ones when it gives none).
/// </summary>
/// <param name="Culture">"" for a site without 'languages': its dates keep the generator's own English form ("20 January 1990").</param>
public sealed partial record SiteLanguage(string Code, string Name, string Culture, string Title, string Tagline, string Description, IReadOnlyList<NavItem>? Nav)
{
    public CultureInfo CultureInfo => Culture.Length > 0 ? CultureInfo.GetCultureInfo(Culture) : CultureInfo.InvariantCulture;

    /// <summary>A date as this language writes it, as precise as it is given: "20 января 1990 г.", "yanvar 1990", "1990".</summary>
    public string Format(PartialDate date)
    {
        if (Culture.Length == 0)
        {
            return date.Text;
        }

        var day = date.Start.ToDateTime(TimeOnly.MinValue);
        var format = FormatFor(day);
        var pattern = date.Precision switch
        {
            DatePrecision.Year => "yyyy",
            DatePrecision.Month => format.YearMonthPattern,
            // The long pattern without the weekday: a partial date has none, and a memorial's dates do not need one.
            _ => WeekdayPart().Replace(format.LongDatePattern, "").Trim(),
        };
        return day.ToString(pattern, format);
    }

    /// <summary>
    /// The culture's own calendar where it can show <paramref name="day"/>, else the same culture
    /// with the Gregorian calendar, which every culture offers and which covers years 1 to 9999:
    /// Um al-Qura (ar-SA) only covers 1900 to 2077, the Persian calendar (fa-IR) begins in 622.
    /// </summary>
    private DateTimeFormatInfo FormatFor(DateTime day)
    {
        var format = CultureInfo.DateTimeFormat;
        if (day >= format.Calendar.MinSupportedDateTime && day <= format.Calendar.MaxSupportedDateTime)
        {
            return format;
        }

        return GregorianFormats.GetOrAdd(Culture, name =>
        {
            var culture = CultureInfo.GetCultureInfo(name);
            // A calendar the culture does not offer cannot be set; every culture of ICU 72 offers the
            // Gregorian one, and the invariant culture's English words stand in should one not.
            if (culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is not { } calendar)
            {
                return CultureInfo.InvariantCulture.DateTimeFormat;
            }

            var gregorian = (DateTimeFormatInfo)culture.DateTimeFormat.Clone();
            gregorian.Calendar = calendar;
            return DateTimeFormatInfo.ReadOnly(gregorian);
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeFormatInfo> GregorianFormats = new(StringComparer.Ordinal);

    // The Arabic comma too: ar-SA writes "dddd، d MMMM yyyy g".
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|[\s,\u060C]*)dddd[\s,\u060C]*")]
    private static partial System.Text.RegularExpressions.Regex WeekdayPart();
}
