using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Photos as a phone and a desktop browser load them: the smallest source that fills the space,
/// nothing that moves while they arrive, none broken, and a warned photo not loaded at all until
/// the reader opens it.
/// </summary>
public sealed class ImageTests(SiteFixture fixture, PhotoSite photos) : IClassFixture<PhotoSite>
{
    private const int Widths = 4;

    [Theory]
    [InlineData(375, 1)]
    [InlineData(375, 2)]
    [InlineData(1280, 1)]
    [InlineData(1280, 2)]
    public async Task The_browser_takes_the_smallest_avif_as_wide_as_the_photo_is_shown(int width, int density)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            DeviceScaleFactor = density,
        });
        await using var visit = await Browse.OpenAsync(context, photos.Page);
        var shown = await visit.Page.EvaluateAsync<Shown>("""
            () => { const img = document.querySelector('main figure img'); return { src: img.currentSrc, width: img.getBoundingClientRect().width }; }
            """);

        var needed = shown.Width * density;
        var expected = new[] { 320, 640, 1024, 1600 }.FirstOrDefault(w => w >= needed, 1600);
        Assert.Matches($@"/photos/media/mill\.{expected}\.[0-9a-f]{{10}}\.avif$", shown.Src);
        Assert.Equal(Widths, (await visit.Page.Locator("main figure picture source[type='image/avif']").GetAttributeAsync("srcset"))!.Split(", ").Length);
    }

    [Fact]
    public async Task Nothing_moves_as_the_photos_load_and_none_is_broken()
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(width: 375);
        var page = await context.NewPageAsync();
        // Layout shifts as Lighthouse's CLS counts them, recorded from the first paint.
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
              .observe({ type: 'layout-shift', buffered: true });
            """);
        await page.GotoAsync(photos.Page.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // Down the page a screen at a time, as a reader scrolls, so that the lazy photos load.
        for (var y = 0; y < 6000; y += 700)
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, {y})");
            await page.WaitForTimeoutAsync(100);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var broken = await page.EvaluateAsync<string[]>("() => Array.from(document.images).filter(i => i.closest('details:not([open])') === null && (!i.complete || i.naturalWidth === 0)).map(i => i.currentSrc || i.src)");
        var shift = await page.EvaluateAsync<double>("() => window.__shift");

        Assert.Empty(broken);
        Assert.Equal(0, shift);
        await page.CloseAsync();
    }

    /// <summary>
    /// Closed, the warning hides the photo with no script. A browser with script also waits to fetch
    /// it (it loads lazily); one without fetches every image at once (lazy loading is a script-time
    /// feature), but shows it only when the reader opens the warning.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_warned_photo_is_shown_only_when_the_reader_opens_the_warning(bool javaScript)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(javaScript: javaScript);
        await using var visit = await Browse.OpenAsync(context, photos.Page);
        await visit.Page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await visit.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var warning = visit.Page.Locator("main details.content-warning");
        var img = warning.Locator("img");
        Assert.Contains("Damage after the fictional flood", await warning.Locator("summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await img.IsVisibleAsync());
        if (javaScript)
        {
            Assert.DoesNotContain(visit.Monitor.Requests, url => url.Contains("/media/square.", StringComparison.Ordinal));
        }

        await warning.Locator("summary").ClickAsync();
        await img.EvaluateAsync("i => i.decode()");

        Assert.True(await img.IsVisibleAsync());
        Assert.True(await img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
        Assert.Contains("/media/square.", await img.EvaluateAsync<string>("i => i.currentSrc"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_of_photos_is_valid_html_with_no_axe_violation_with_its_warning_closed_or_open()
    {
        var errors = (await Vnu.ValidateAsync([photos.Site.OutputDir])).Select(m => m.ToString()).ToList();
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        await using var visit = await Browse.OpenAsync(context, photos.Page);
        var closed = await Axe.ViolationsAsync(visit.Page);
        await visit.Page.Locator("main details.content-warning summary").ClickAsync();
        var open = await Axe.ViolationsAsync(visit.Page);

        Assert.Empty(errors);
        Assert.Empty(closed.Concat(open));
    }

    private sealed class Shown
    {
        [System.Text.Json.Serialization.JsonPropertyName("src")] public string Src { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("width")] public double Width { get; set; }
    }
}
