using AngleSharp.Dom;
using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// The memorial's archive read by a tool we did not write, as a web archive's reading room reads
/// it: Webrecorder's ReplayWeb.page, whose wabac.js service worker opens the WACZ in Chromium and
/// answers every request of the replayed page from the archive's WARC records. A page replays
/// only when the archive holds it, its stylesheet and its images at the addresses it asks for.
/// </summary>
public sealed class ArchiveReplayTests(SiteFixture fixture) : IAsyncLifetime
{
    private const string Version = "2.5.3";

    private const string HowToInstall =
        "tests/run.sh installs it; by hand: `cd ~/.cache/blackjanuary/replaywebpage-" + Version + " && npm pack replaywebpage@" + Version
        + " && tar xzf replaywebpage-" + Version + ".tgz`, or set REPLAYWEBPAGE_DIR to the folder that holds its ui.js and sw.js";

    private readonly string _root = Directory.CreateTempSubdirectory("bj-replay-").FullName;
    private SiteServer? _server;
    private Uri _base = new("https://example.org/");

    public async ValueTask InitializeAsync()
    {
        var archive = SiteArchiver.Run(new BuildOptions(Repository.Content, Repository.Templates), Path.Combine(_root, "memorial.wacz"), null, null);
        Assert.True(archive.Succeeded, string.Join(Environment.NewLine, archive.Diagnostics.Select(d => d.Format(Repository.Root))));
        var package = FindPackage();
        // ReplayWeb.page's page script, and its service worker under the folder it controls.
        Directory.CreateDirectory(Path.Combine(_root, "replay"));
        File.Copy(Path.Combine(package, "ui.js"), Path.Combine(_root, "ui.js"));
        File.Copy(Path.Combine(package, "ui.js"), Path.Combine(_root, "replay", "ui.js"));
        File.Copy(Path.Combine(package, "sw.js"), Path.Combine(_root, "replay", "sw.js"));
        // The app's page, as the service worker itself serves it: when the replay frame loads
        // before the worker controls it, the server answers instead, and without this page the
        // frame stays empty.
        File.WriteAllText(Path.Combine(_root, "replay", "index.html"),
            "<!DOCTYPE html>\n<html>\n<head><script src=\"./ui.js\"></script></head>\n<body><replay-app-main></replay-app-main></body>\n</html>\n");
        // The archive keeps the addresses the site is published at, not the test server's.
        _base = SiteConfigLoader.Load(Path.Combine(Repository.Content, "site.yaml"), null, new DiagnosticBag())?.BaseUrl
            ?? throw new InvalidOperationException("the memorial's site.yaml did not load");
        _server = await SiteServer.StartAsync([new Mount("/reading-room/", _root)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    public static TheoryData<string> Pages => ["", "en/", "ru/", "en/about/", "ru/timeline/", "sources/"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_of_the_archive_replays_with_its_heading_title_stylesheet_and_images(string path)
    {
        var built = MarkupChecks.Parse(fixture.Site(SiteFixture.Memorial).ReadFile(path + "index.html"));
        await using var context = await (await fixture.BrowserAsync()).NewContextAsync();
        var replayed = await ReplayAsync(context, path);

        await Expect(replayed.Locator("h1").First).ToHaveTextAsync(Heading(built), new() { Timeout = 30_000 });
        Assert.Equal(built.Title, await replayed.EvaluateAsync<string>("() => document.title"));
        Assert.Equal(built.DocumentElement.GetAttribute("lang"), await replayed.EvaluateAsync<string>("() => document.documentElement.lang"));
        // The theme's stylesheet came out of the archive: without it the replayed page has no style rule at all.
        Assert.True(await replayed.EvaluateAsync<bool>("() => [...document.styleSheets].flatMap(s => [...s.cssRules]).length > 0"), "the replayed page has no stylesheet");
        var unloaded = await replayed.EvaluateAsync<string[]>("""
            async () => {
              await Promise.all([...document.images].map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
              return [...document.images].filter(i => i.naturalWidth === 0).map(i => i.currentSrc || i.src);
            }
            """);
        Assert.Empty(unloaded);
    }

    [Fact]
    public async Task A_link_followed_inside_the_replay_leads_to_the_archived_page_it_names()
    {
        var built = MarkupChecks.Parse(fixture.Site(SiteFixture.Memorial).ReadFile("en/timeline/index.html"));
        await using var context = await (await fixture.BrowserAsync()).NewContextAsync();
        var home = await ReplayAsync(context, "en/");

        await home.Locator("nav a[href$='/en/timeline/']").First.ClickAsync();

        var timeline = await ReplayedFrameAsync(home.Page, new Uri(_base, "en/timeline/").AbsoluteUri);
        await Expect(timeline.Locator("h1").First).ToHaveTextAsync(Heading(built), new() { Timeout = 30_000 });
    }

    private static string Heading(IDocument document) =>
        document.QuerySelector("h1")?.TextContent.Trim() ?? throw new InvalidOperationException("the built page has no <h1>");

    /// <summary>Opens a reading-room page that replays <paramref name="path"/> of the archive, and returns the frame the replayed page is in.</summary>
    private async Task<IFrame> ReplayAsync(IBrowserContext context, string path)
    {
        var url = new Uri(_base, path).AbsoluteUri;
        var name = $"read-{Guid.NewGuid():N}.html";
        await File.WriteAllTextAsync(Path.Combine(_root, name), $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Reading room</title></head>
            <body>
            <script src="ui.js"></script>
            <replay-web-page style="display: block; height: 700px" source="memorial.wacz" url="{url}" replayBase="./replay/" embed="replayonly"></replay-web-page>
            </body>
            </html>
            """, TestContext.Current.CancellationToken);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server!.Origin, "/reading-room/" + name).AbsoluteUri);
        return await ReplayedFrameAsync(page, url);
    }

    /// <summary>
    /// The frame in which ReplayWeb.page shows <paramref name="url"/>: wabac addresses it by the
    /// archive's time stamp and the original address (…/20261207000000mp_/https://…). The first
    /// visit installs the service worker and indexes the archive, which takes seconds on a slow machine.
    /// </summary>
    private static async Task<IFrame> ReplayedFrameAsync(IPage page, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (page.Frames.FirstOrDefault(f => f.Url.EndsWith("mp_/" + url, StringComparison.Ordinal)) is { } frame)
            {
                return frame;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"ReplayWeb.page never showed {url}; its frames were: {string.Join(", ", page.Frames.Select(f => f.Url))}");
    }

    /// <summary>The unpacked npm package: REPLAYWEBPAGE_DIR, else where tests/run.sh puts it.</summary>
    private static string FindPackage()
    {
        var configured = Environment.GetEnvironmentVariable("REPLAYWEBPAGE_DIR");
        var dir = !string.IsNullOrEmpty(configured) ? configured : Path.Combine(Repository.ToolCache, "replaywebpage-" + Version, "package");
        return File.Exists(Path.Combine(dir, "sw.js")) && File.Exists(Path.Combine(dir, "ui.js"))
            ? dir
            : throw new InvalidOperationException($"ReplayWeb.page {Version} was not found in {dir}: {HowToInstall}");
    }
}
