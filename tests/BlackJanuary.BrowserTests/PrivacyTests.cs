using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// A visitor's browser asks only the site's own server for anything, everything it asks for
/// arrives, and nothing goes wrong in the console (where Chromium also reports CSP violations).
/// </summary>
public sealed class PrivacyTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task PagesLoadOnlyFromTheirOwnOriginWithoutErrors(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url, untilQuiet: true);
            var images = await PageChecks.BrokenImagesAsync(visit.Page);
            findings.Add(page.File, visit.Monitor.ThirdPartyRequests(fixture.Server.Origin).Select(u => $"request to another origin: {u}"));
            findings.Add(page.File, visit.Monitor.FailedRequests().Select(f => $"failed request: {f}"));
            findings.Add(page.File, visit.Monitor.ConsoleErrors.Select(e => $"console error: {e}"));
            findings.Add(page.File, visit.Monitor.PageErrors.Select(e => $"script error: {e}"));
            findings.Add(page.File, images.Select(i => $"broken image: {i}"));
            if (visit.Status != 200)
            {
                findings.Add(page.File, $"status {visit.Status}");
            }
        }

        findings.AssertNone($"privacy or loading problems on {site}");
    }
}
