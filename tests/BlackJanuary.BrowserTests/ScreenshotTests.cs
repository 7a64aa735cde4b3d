using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Full-page screenshots of the memorial's home and timeline in every language for a person to
/// look at, in SCREENSHOTS_DIR when it names a folder (SCREENSHOTS_DIR=/tmp/shots tests/run.sh),
/// else in a temporary folder. Each must be a PNG exactly as wide as its viewport: a wider page
/// scrolls sideways. The files are named language-page-width-scheme.png ("ru-timeline-375-dark.png"),
/// with the header of a Russian page at phone width, a switcher link focused, beside them.
/// </summary>
public sealed class ScreenshotTests(SiteFixture fixture)
{
    [Fact]
    public async Task WriteScreenshotsOfHomeAndTimeline()
    {
        var requested = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        var dir = string.IsNullOrEmpty(requested) ? Directory.CreateTempSubdirectory("bj-shots-").FullName : requested;
        Directory.CreateDirectory(dir);
        var browser = await fixture.BrowserAsync();
        var site = fixture.Site(SiteFixture.Memorial);
        // A person looking gets every width in both schemes; a run that only checks the widths
        // (no SCREENSHOTS_DIR) takes each width and each scheme once.
        var pairs = string.IsNullOrEmpty(requested)
            ? new[] { (ColorScheme.Light, 375), (ColorScheme.Dark, 1280) }
            : [(ColorScheme.Light, 375), (ColorScheme.Light, 1280), (ColorScheme.Dark, 375), (ColorScheme.Dark, 1280)];
        foreach (var (scheme, width) in pairs)
        {
            await using var context = await browser.NewContextAsync(scheme, width: width);
            foreach (var language in site.Languages)
            {
                foreach (var (name, path) in new[] { ("home", ""), ("timeline", "timeline/") })
                {
                    await using var visit = await Browse.OpenAsync(context, new Uri(language.Home.Url, path));
                    var file = Path.Combine(dir, $"{language.Code}-{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    var png = await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
                    AssertPngOfWidth(png, width, file);
                }
            }

            // Keyboard focus on the switcher, where a phone's header is most crowded.
            var russian = site.Languages.FirstOrDefault(l => l.Code == "ru") ?? site.Languages[^1];
            await using (var visit = await Browse.OpenAsync(context, new Uri(russian.Home.Url, "timeline/")))
            {
                await visit.Page.Locator("nav a[hreflang]").First.FocusAsync();
                await visit.Page.Keyboard.PressAsync("Tab");
                var file = Path.Combine(dir, $"{russian.Code}-switcher-focus-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                await visit.Page.Locator("header").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
                TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
            }
        }

        if (string.IsNullOrEmpty(requested))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void AssertPngOfWidth(byte[] png, int width, string file)
    {
        Assert.True(png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), $"{file} is not a PNG");
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }
}
