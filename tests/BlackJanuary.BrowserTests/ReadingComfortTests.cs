using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>Every page prints cleanly and keeps still for visitors who ask for less motion.</summary>
public sealed class ReadingComfortTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryPagePrintsWithoutNavigationWithAddressesAndWholeEvents(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            findings.Add($"{page} printed", await ReadingChecks.PrintProblemsAsync(visit.Page));
        }

        findings.AssertNone($"print problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task NothingMovesWhenReducedMotionIsRequested(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            findings.Add($"{page} with reduced motion", await ReadingChecks.MotionProblemsAsync(visit.Page));
        }

        findings.AssertNone($"moving elements on {site}");
    }
}
