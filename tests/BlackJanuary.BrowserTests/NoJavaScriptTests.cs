using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>JavaScript is only an enhancement: with it switched off, every page shows its content, navigation and permalinks.</summary>
public sealed class NoJavaScriptTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryPageHasItsContentAndNavigationWithoutJavaScript(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var scripted = await browser.NewContextAsync();
        await using var plain = await browser.NewContextAsync(javaScript: false);
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var withJs = await Browse.OpenAsync(scripted, page.Url);
            await using var withoutJs = await Browse.OpenAsync(plain, page.Url);
            var (_, expectedNav) = await PageChecks.ContentAndNavigationAsync(withJs.Page);
            var (problems, nav) = await PageChecks.ContentAndNavigationAsync(withoutJs.Page);
            findings.Add($"{page} without JavaScript", problems);
            findings.Add($"{page} without JavaScript", expectedNav.Except(nav).Select(link => $"the navigation lacks {link}"));
        }

        findings.AssertNone($"pages of {site} that need JavaScript");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task TimelinePermalinksWorkWithoutJavaScript(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var plain = await browser.NewContextAsync(javaScript: false);
        foreach (var (_, timeline) in TimelineTests.Timelines(fixture.Site(site)))
        {
            await using var visit = await Browse.OpenAsync(plain, timeline);
            var (_, ids) = await PageChecks.TimelineAsync(visit.Page);
            Assert.NotEmpty(ids);
            var href = "#" + ids[^1];
            await visit.Page.Locator($"a[href='{href}']").ClickAsync();
            Assert.EndsWith(href, visit.Page.Url, StringComparison.Ordinal);
            var targeted = await visit.Page.EvaluateAsync<bool>("id => document.getElementById(id)?.matches(':target') ?? false", ids[^1]);
            Assert.True(targeted, $"after following {href} on {timeline.AbsolutePath} with JavaScript off, the event is not the :target");
        }
    }
}
