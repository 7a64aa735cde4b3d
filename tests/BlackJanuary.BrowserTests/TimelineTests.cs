using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>The timeline as a visitor sees it: years, events in order with their dates, and a link to every event that highlights it.</summary>
public sealed class TimelineTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task TimelineIsGroupedByYearWithDatedLinkableEvents(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        await using var visit = await Browse.OpenAsync(context, fixture.Site(site).UrlOf("timeline/"));
        var (problems, ids) = await PageChecks.TimelineAsync(visit.Page);
        var findings = new Findings();
        findings.Add("timeline/", problems);
        if (ids.Count < 2)
        {
            findings.Add("timeline/", $"only {ids.Count} events found; the content has more");
        }

        findings.AssertNone($"timeline problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task OpeningAnEventsLinkHighlightsThatEvent(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var timeline = fixture.Site(site).UrlOf("timeline/");
        IReadOnlyList<string> ids;
        await using (var visit = await Browse.OpenAsync(context, timeline))
        {
            (_, ids) = await PageChecks.TimelineAsync(visit.Page);
        }

        Assert.True(ids.Count >= 2, $"the timeline of {site} needs two events to compare a highlighted one with");
        // An event from the middle, so the page must scroll to reach it.
        var id = ids[ids.Count / 2];
        var other = ids[0];
        await using var linked = await Browse.OpenAsync(context, new Uri(timeline, "#" + id));
        var findings = new Findings();
        findings.Add($"timeline/#{id}", await PageChecks.TargetHighlightAsync(linked.Page, id, other));
        findings.AssertNone($"permalink problems on {site}");
    }
}
