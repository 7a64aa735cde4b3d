using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Hosts such as GitHub Pages answer any missing address with 404.html, at whatever depth the
/// address was; the page must still find its stylesheet from there.
/// </summary>
public sealed class NotFoundTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task MissingAddressShowsTheStyled404Page(string site)
    {
        var built = fixture.Site(site);
        var missing = built.UrlOf("no/such/page/here/");
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        await using var visit = await Browse.OpenAsync(context, missing);

        Assert.Equal(404, visit.Status);
        var expectedTitle = MarkupChecks.Title(MarkupChecks.Parse(built.ReadFile("404.html")));
        Assert.Equal(expectedTitle, await visit.Page.TitleAsync());
        var findings = new Findings();
        findings.Add(missing.AbsolutePath, visit.Monitor.FailedRequests(missing));
        findings.Add(missing.AbsolutePath, visit.Monitor.ConsoleErrorsExcept(missing));
        var unstyled = await visit.Page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('link[rel~=stylesheet]'))
              .filter(l => { try { return !l.sheet || l.sheet.cssRules.length === 0; } catch { return true; } })
              .map(l => `stylesheet ${l.getAttribute('href')} did not load`)
            """);
        findings.Add(missing.AbsolutePath, unstyled);
        if (await visit.Page.Locator("link[rel~=stylesheet]").CountAsync() == 0)
        {
            findings.Add(missing.AbsolutePath, "the 404 page links no stylesheet");
        }

        findings.AssertNone($"404 page problems on {site}");
    }
}
