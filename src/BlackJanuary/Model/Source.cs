using System.Globalization;
using System.Text.RegularExpressions;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

/// <summary>A cited source; <see cref="Url"/> is empty for sources that are not online.</summary>
/// <param name="Title">The title as published, in its own language: the project's words about it go in the other fields.</param>
/// <param name="Language">The code of the language its title is written in, when given: a citation keeps its own language on every page.</param>
public sealed partial record Source(string Title, string Url, string Language = "")
{
    /// <summary>Who published it ("EU Today"), shown after the title; empty when not given.</summary>
    public string Publisher { get; init; } = "";

    /// <summary>When it was published, as precisely as known; shown in the page's language.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>
    /// The address of a copy kept in a web archive, for when <see cref="Url"/>'s site changes or
    /// goes away (Robust Links); empty when not given. Only a source with a <see cref="Url"/> has one.
    /// </summary>
    public string Archived { get; init; } = "";

    /// <summary>The day an editor read the original (day precision); null when not given.</summary>
    public PartialDate? Accessed { get; init; }

    /// <summary>Where <see cref="Accessed"/> is written: a date after the build's is reported there.</summary>
    public SourceLocation AccessedLocation { get; init; }

    /// <summary>
    /// The day of the version a reader should see (Robust Links' data-versiondate): the 14-digit
    /// timestamp a Wayback-style archive puts in its addresses (web.archive.org/web/20220120000000/…),
    /// else the day the original was read; null when neither is known.
    /// </summary>
    public PartialDate? VersionDate => WaybackDay(Archived) ?? Accessed;

    /// <summary>The day of the first 14-digit timestamp path segment (with an optional Wayback modifier like "id_") that is a real date.</summary>
    private static PartialDate? WaybackDay(string archived)
    {
        var path = Uri.TryCreate(archived, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "";
        foreach (Match m in WaybackTimestamp().Matches(path))
        {
            if (DateOnly.TryParseExact(m.Groups["day"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new PartialDate(day.Year, day.Month, day.Day, DatePrecision.Day);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<=/)(?<day>[0-9]{8})[0-9]{6}(?:[a-z]{2}_)?(?=/)", RegexOptions.CultureInvariant)]
    private static partial Regex WaybackTimestamp();
}
