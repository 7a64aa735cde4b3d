using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>WCAG 2.2 AA as axe-core measures it, in both colour schemes the theme offers.</summary>
public sealed class AccessibilityTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryPageHasNoAxeViolationsInLightAndDarkMode(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(ColorScheme.Light);
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            findings.Add($"{page} (light)", await Axe.ViolationsAsync(visit.Page));
            // Switching the scheme on the loaded page re-applies prefers-color-scheme like the OS
            // setting does, and spares a second load and axe injection.
            await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
            Assert.True(await visit.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"), "dark mode emulation did not apply");
            // Links fade to their new colour (a 0.15 s transition), as they do when a reader's OS
            // switches: the colours a reader is left with are the ones to measure.
            await visit.Page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished))");
            findings.Add($"{page} (dark)", await Axe.ViolationsAsync(visit.Page));
        }

        findings.AssertNone($"axe-core WCAG 2.2 A/AA violations on {site}");
    }
}
