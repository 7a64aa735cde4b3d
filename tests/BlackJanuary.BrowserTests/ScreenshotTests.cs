using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Full-page screenshots of the memorial's home and timeline for a person to look at, in
/// SCREENSHOTS_DIR when it names a folder (SCREENSHOTS_DIR=/tmp/shots tests/run.sh), else in a
/// temporary folder. Each must be a PNG exactly as wide as its viewport: a wider page scrolls sideways.
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
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var width in new[] { 375, 1280 })
            {
                await using var context = await browser.NewContextAsync(scheme, width: width);
                foreach (var (name, path) in new[] { ("home", ""), ("timeline", "timeline/") })
                {
                    await using var visit = await Browse.OpenAsync(context, site.UrlOf(path));
                    var file = Path.Combine(dir, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    var png = await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
                    Assert.True(png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), $"{file} is not a PNG");
                    Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
                }
            }
        }

        if (string.IsNullOrEmpty(requested))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
