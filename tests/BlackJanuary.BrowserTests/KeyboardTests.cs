using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>A keyboard user can skip to the content, always sees where focus is, and moves through the page in reading order.</summary>
public sealed class KeyboardTests(SiteFixture fixture)
{
    /// <summary>Enough to pass the skip link, the header, the navigation and well into the content.</summary>
    private const int Tabs = 20;

    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task FirstTabReachesASkipLinkToTheMainContent(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        var built = fixture.Site(site);
        foreach (var page in built.Pages)
        {
            // The skip link speaks the page's language: the theme's skip_to_content for its <html lang>.
            var name = ThemeStrings.Get(built.LanguageOf(page), "skip_to_content", "Skip to content");
            await using var visit = await Browse.OpenAsync(context, page.Url);
            findings.Add(page.File, await PageChecks.SkipLinkProblemsAsync(visit.Page, name));
        }

        findings.AssertNone($"skip link problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task FocusIsVisibleAndFollowsTheReadingOrder(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            findings.Add(page.File, await PageChecks.TabOrderProblemsAsync(visit.Page, Tabs));
        }

        findings.AssertNone($"keyboard focus problems on {site}");
    }
}
