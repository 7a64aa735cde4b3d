using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>From the smallest phone to a desktop: no sideways scrolling, fingertip-sized controls whose labels fit them, readable text.</summary>
public sealed class ResponsiveTests(SiteFixture fixture)
{
    /// <summary>The issue asks for 44 × 44 CSS px (WCAG 2.5.5) for navigation and "link to this event", beyond the 24 px of 2.5.8.</summary>
    private const int MinTarget = 44;

    /// <summary>Browsers default to 16 px; smaller body text makes phone readers zoom.</summary>
    private const double MinFontSize = 16;

    private static readonly int[] Widths = [320, 375, 768, 1280];

    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task PagesFitTheScreenWithLargeTargetsAndReadableText(string site)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(width: Widths[0]);
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            // Resizing re-applies media queries and relays the page out, as rotating a phone does.
            foreach (var width in Widths)
            {
                await visit.Page.SetViewportSizeAsync(width, 900);
                var where = $"{page} at {width} px";
                findings.Add(where, await PageChecks.HorizontalOverflowAsync(visit.Page));
                findings.Add(where, await PageChecks.SmallTargetsAsync(visit.Page, PageChecks.NavLinks, MinTarget));
                findings.Add(where, await PageChecks.SmallTargetsAsync(visit.Page, PageChecks.Permalinks, MinTarget));
                findings.Add(where, await PageChecks.CrampedButtonsAsync(visit.Page));
                var fontSize = await PageChecks.BodyFontSizeAsync(visit.Page);
                if (fontSize < MinFontSize)
                {
                    findings.Add(where, $"body text is {fontSize} px, less than {MinFontSize} px");
                }
            }
        }

        findings.AssertNone($"layout problems on {site}");
    }
}
