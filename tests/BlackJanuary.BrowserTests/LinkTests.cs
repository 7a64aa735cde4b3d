using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>No page links to a missing page, file or anchor — from the content or from the theme.</summary>
public sealed class LinkTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryInternalLinkAndAnchorResolves(string site)
    {
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            var html = MarkupChecks.Parse(fixture.Site(site).ReadFile(page.File));
            findings.Add(page.ToString(), await LinkChecks.ProblemsAsync(fixture.Http, LinkChecks.InternalReferences(html, page.Url)));
        }

        findings.AssertNone($"broken internal links on {site}");
    }
}
