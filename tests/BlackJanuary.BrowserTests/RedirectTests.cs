using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>A page's aliases, followed in the browser as a reader who kept an old link follows them: with and without JavaScript.</summary>
public sealed class RedirectTests(SiteFixture fixture)
{
    [Fact]
    public async Task EveryAliasLeadsToItsPageWithAndWithoutJavaScript()
    {
        var site = fixture.Site(SiteFixture.FixtureSite);
        var redirects = site.Redirects;
        Assert.Equal(2, redirects.Count);
        var browser = await fixture.BrowserAsync();
        foreach (var javaScript in new[] { true, false })
        {
            await using var context = await browser.NewContextAsync(javaScript: javaScript);
            foreach (var (from, to) in redirects)
            {
                Assert.True(site.PageAt(to) is not null, $"_redirects sends {from} to {to}, which is no page of the site");
                var page = await context.NewPageAsync();
                var response = await page.GotoAsync(from.AbsoluteUri);
                Assert.Equal(200, response?.Status);
                // The address is polled rather than a navigation awaited: the refresh may be over before the wait begins.
                await Assertions.Expect(page).ToHaveURLAsync(to.AbsoluteUri, new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
                await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync("Notes with tables, code and quotes");
                await page.CloseAsync();
            }
        }
    }
}
