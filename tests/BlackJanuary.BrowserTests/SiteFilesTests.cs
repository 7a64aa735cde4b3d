using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>sitemap.xml, the Atom feed and robots.txt, fetched from the server as crawlers and feed readers get them.</summary>
public sealed class SiteFilesTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task SitemapListsEveryPageButThe404(string site)
    {
        var built = fixture.Site(site);
        var xml = await GetAsync(built.UrlOf("sitemap.xml"), "xml");
        AssertNone("sitemap.xml", SiteFileChecks.SitemapProblems(xml, built.ContentPages.Select(p => p.Url)));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task FeedIsAnAtomFeed(string site)
    {
        var xml = await GetAsync(fixture.Site(site).UrlOf("feed.xml"), "xml");
        AssertNone("feed.xml", SiteFileChecks.AtomFeedProblems(xml));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task RobotsTxtPointsAtTheSitemap(string site)
    {
        var built = fixture.Site(site);
        var robots = await GetAsync(built.UrlOf("robots.txt"), "text/plain");
        AssertNone("robots.txt", SiteFileChecks.RobotsProblems(robots, built.UrlOf("sitemap.xml")));
    }

    private static void AssertNone(string file, IReadOnlyList<string> problems)
    {
        var findings = new Findings();
        findings.Add(file, problems);
        findings.AssertNone($"problems in {file}");
    }

    private async Task<string> GetAsync(Uri url, string expectedType)
    {
        using var response = await fixture.Http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        Assert.Contains(expectedType, response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
