using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// The timeline as a visitor sees it, in every language of the site: years, events in order with
/// their dates, and a link to every event that highlights it.
/// </summary>
public sealed class TimelineTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    /// <summary>Each language's timeline: "timeline/" under that language's home.</summary>
    public static IEnumerable<(string Language, Uri Url)> Timelines(BuiltSite site) =>
        site.Languages.Select(l => (l.Code, new Uri(l.Home.Url, "timeline/")));

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task TimelineIsGroupedByYearWithDatedLinkableEvents(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (language, url) in Timelines(fixture.Site(site)))
        {
            await using var visit = await Browse.OpenAsync(context, url);
            var where = url.AbsolutePath;
            if (visit.Status != 200)
            {
                findings.Add(where, $"status {visit.Status}");
                continue;
            }

            var (problems, ids) = await PageChecks.TimelineAsync(visit.Page);
            findings.Add(where, problems);
            if (ids.Count < 2)
            {
                findings.Add(where, $"only {ids.Count} events found; the content has more");
            }

            counts[language] = ids.Count;
        }

        // A translation has the same events, under the same ids, so a permalink works in every language.
        if (counts.Values.Distinct().Count() > 1)
        {
            findings.Add("timelines", $"the languages show different numbers of events: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
        }

        findings.AssertNone($"timeline problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task OpeningAnEventsLinkHighlightsThatEvent(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var (_, timeline) in Timelines(fixture.Site(site)))
        {
            IReadOnlyList<string> ids;
            await using (var visit = await Browse.OpenAsync(context, timeline))
            {
                (_, ids) = await PageChecks.TimelineAsync(visit.Page);
            }

            if (ids.Count < 2)
            {
                findings.Add(timeline.AbsolutePath, $"needs two events to compare a highlighted one with, has {ids.Count}");
                continue;
            }

            // An event from the middle, so the page must scroll to reach it.
            var id = ids[ids.Count / 2];
            var other = ids[0];
            await using var linked = await Browse.OpenAsync(context, new Uri(timeline, "#" + id));
            findings.Add($"{timeline.AbsolutePath}#{id}", await PageChecks.TargetHighlightAsync(linked.Page, id, other));
        }

        findings.AssertNone($"permalink problems on {site}");
    }
}
