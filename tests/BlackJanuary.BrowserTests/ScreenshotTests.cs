using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Full-page screenshots of the memorial's home and timeline for a person to look at, written only
/// when SCREENSHOTS_DIR names a folder (e.g. SCREENSHOTS_DIR=/tmp/shots dotnet test …).
/// </summary>
public sealed class ScreenshotTests(SiteFixture fixture)
{
    public static bool ScreenshotsRequested => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCREENSHOTS_DIR"));

    [Fact(Skip = "set SCREENSHOTS_DIR to write screenshots", SkipUnless = nameof(ScreenshotsRequested))]
    public async Task WriteScreenshotsOfHomeAndTimeline()
    {
        var dir = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR")!;
        Directory.CreateDirectory(dir);
        var browser = await fixture.BrowserAsync();
        var site = fixture.Site(SiteFixture.Memorial);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var width in new[] { 375, 1280 })
            {
                await using var context = await browser.NewContextAsync(scheme, width: width);
                foreach (var (name, path) in new[] { ("home", ""), ("timeline", "timeline/") })
                {
                    await using var visit = await Browse.OpenAsync(context, site.UrlOf(path));
                    var file = Path.Combine(dir, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
                }
            }
        }
    }
}
