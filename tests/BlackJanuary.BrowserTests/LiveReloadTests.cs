using System.Buffers.Binary;
using System.Text.RegularExpressions;
using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using BlackJanuary.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// 'blackjanuary serve' as a real process with open Chromium tabs, over a small fictional site
/// written with the real theme to a temporary folder and edited on disk as an editor saves it:
/// a save reloads the open tab by itself, a broken save shows the problems over the last good
/// page, fixing the file takes them away, and the overlay is as strict and as accessible as the
/// pages it covers.
/// </summary>
public sealed partial class LiveReloadTests(SiteFixture fixture)
{
    /// <summary>How long a save may take to reach an open tab: a rebuild, a server-sent event and a reload.</summary>
    private const float Patience = 15_000;

    private const string AboutGood = "---\ntitle: About this memorial\nweight: 2\nsummary: What this invented memorial is.\n---\nThe lantern walk along the invented river starts at dusk.\n";
    private const string AboutGoodSentence = "The lantern walk along the invented river starts at dusk.";

    // "two" starts at column 9 of line 3, which is what the overlay must point at.
    private const string AboutBroken = "---\ntitle: About this memorial\nweight: two\nsummary: What this invented memorial is.\n---\nThe broken version of this page.\n";

    private const string AboutFixed = "---\ntitle: About this memorial\nweight: 2\nsummary: What this invented memorial is.\n---\nThe bell of the invented chapel rings once a year.\n";
    private const string AboutFixedSentence = "The bell of the invented chapel rings once a year.";

    // Records CSP violations from the first moment of every document, before any of its scripts;
    // init scripts come from the driver, so the page's own policy does not block this one.
    private const string ViolationRecorder = """
        window.bjViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.bjViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`));
        """;

    private static LocatorAssertionsToBeVisibleOptions Visible => new() { Timeout = Patience };

    private static LocatorAssertionsToContainTextOptions Eventually => new() { Timeout = Patience };

    [Fact]
    public async Task AnOpenTabReloadsItselfWhenItsPageIsSaved()
    {
        await using var site = await LiveSite.StartAsync();
        await using var context = await NewContextAsync();
        await using var visit = await OpenConnectedAsync(context, site.UrlOf("about/"));
        await Expect(visit.Page.Locator("main")).ToContainTextAsync(AboutGoodSentence);
        // Only a new document loses this; a script that patched the page in place would keep it.
        await visit.Page.EvaluateAsync("() => { window.bjMarker = 'before the edit'; }");

        site.Write("content/pages/about.md", AboutFixed);

        await Expect(visit.Page.Locator("main")).ToContainTextAsync(AboutFixedSentence, Eventually);
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => window.bjMarker === undefined"), "the new text appeared without a reload");
        Assert.Equal("reload", await visit.Page.EvaluateAsync<string>("() => performance.getEntriesByType('navigation')[0].type"));
        await Expect(visit.Page.Locator("#bj-problems")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ABrokenSaveShowsTheProblemsOverTheLastGoodPageUntilTheFileIsFixed()
    {
        await using var site = await LiveSite.StartAsync();
        await using var context = await NewContextAsync();
        await using var visit = await OpenConnectedAsync(context, site.UrlOf("about/"));
        var page = visit.Page;
        await page.EvaluateAsync("() => { window.bjMarker = 'before the edit'; }");

        site.Write("content/pages/about.md", AboutBroken);

        var overlay = page.Locator("#bj-problems");
        await Expect(overlay).ToBeVisibleAsync(Visible);
        await Expect(overlay).ToHaveAttributeAsync("role", "alert");
        await Expect(overlay).ToContainTextAsync("about.md(3,9)");
        await Expect(overlay).ToContainTextAsync("BJ2002");
        // The excerpt marks the offending line itself, not just the lines around it.
        await Expect(overlay.Locator(".bj-here")).ToContainTextAsync("3 | weight: two");
        // The page under it is the last good build, still the same document, and the overlay is on top of it.
        await Expect(page.Locator("main")).ToContainTextAsync(AboutGoodSentence);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("broken version");
        Assert.Equal("before the edit", await page.EvaluateAsync<string?>("() => window.bjMarker"));
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.elementFromPoint(innerWidth / 2, 20)?.closest('#bj-problems') != null"),
            "the overlay is not on top of the page");

        site.Write("content/pages/about.md", AboutFixed);

        await Expect(page.Locator("main")).ToContainTextAsync(AboutFixedSentence, Eventually);
        await Expect(overlay).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheOverlayAppearsOnlyOnceItsStylesheetHasLoadedHoweverSlowlyItComes()
    {
        await using var site = await LiveSite.StartAsync();
        await using var context = await NewContextAsync();
        // A slow phone or a busy machine: the stylesheet arrives long after the problems do.
        await context.RouteAsync("**/__blackjanuary/live.css", async route =>
        {
            await Task.Delay(1_500);
            await route.ContinueAsync();
        });
        await using var visit = await OpenConnectedAsync(context, site.UrlOf("about/"));
        var page = visit.Page;

        site.Write("content/pages/about.md", AboutBroken);

        await Expect(page.Locator("#bj-problems")).ToBeVisibleAsync(Visible);
        // Read once, without waiting: an overlay shown before its stylesheet is a block at the end of the page.
        Assert.Equal("fixed", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('bj-problems')).position"));
    }

    [Fact]
    public async Task SavingTheLastGoodTextAgainRemovesTheOverlayWithoutAReload()
    {
        await using var site = await LiveSite.StartAsync();
        await using var context = await NewContextAsync();
        await using var visit = await OpenConnectedAsync(context, site.UrlOf("about/"));
        var page = visit.Page;
        await page.EvaluateAsync("() => { window.bjMarker = 'before the edit'; }");
        site.Write("content/pages/about.md", AboutBroken);
        await Expect(page.Locator("#bj-problems")).ToBeVisibleAsync(Visible);

        // Nothing in the site changed since the last good build, so the server sends 'problems'
        // with an empty list instead of 'reload', and the overlay must go by itself.
        site.Write("content/pages/about.md", AboutGood);

        await Expect(page.Locator("#bj-problems")).ToHaveCountAsync(0, new() { Timeout = Patience });
        Assert.Equal("before the edit", await page.EvaluateAsync<string?>("() => window.bjMarker"));
        await Expect(page.Locator("main")).ToContainTextAsync(AboutGoodSentence);
    }

    [Fact]
    public async Task TheOverlayCausesNoCspViolationConsoleErrorOrOtherOriginRequestAndHasNoAxeViolation()
    {
        await using var site = await LiveSite.StartAsync();
        await using var context = await NewContextAsync();
        await using var visit = await OpenConnectedAsync(context, site.UrlOf("about/"));
        var page = visit.Page;

        site.Write("content/pages/about.md", AboutBroken);
        var overlay = page.Locator("#bj-problems");
        await Expect(overlay).ToBeVisibleAsync(Visible);
        // Its stylesheet loaded: without it the overlay would be an unstyled block at the end of the page.
        await Expect(overlay).ToHaveCSSAsync("position", "fixed");

        var findings = new Findings();
        findings.Add("CSP", await page.EvaluateAsync<string[]>("() => window.bjViolations"));
        findings.Add("console error", visit.Monitor.ConsoleErrors);
        findings.Add("script error", visit.Monitor.PageErrors);
        findings.Add("failed request", visit.Monitor.FailedRequests());
        findings.Add("request to another origin", visit.Monitor.ThirdPartyRequests(site.Serve.Address));
        // The overlay only: the pages themselves are AccessibilityTests' job.
        findings.Add("axe-core in #bj-problems", await Axe.ViolationsAsync(page, "#bj-problems"));
        findings.AssertNone("problems caused by the error overlay");
        // The monitor saw the page's own requests, so an empty list above means something.
        Assert.Contains(visit.Monitor.Requests, u => u.EndsWith("/__blackjanuary/live.css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATabOpenedWhileTheBuildIsBrokenShowsTheOverlayAtOnce()
    {
        await using var site = await LiveSite.StartAsync();
        await site.BreakAsync();
        await using var context = await NewContextAsync();

        // No edit happens after this tab opens: only the problems sent on connect can show the overlay.
        await using var visit = await Browse.OpenAsync(context, site.UrlOf("about/"));

        var overlay = visit.Page.Locator("#bj-problems");
        await Expect(overlay).ToBeVisibleAsync();
        await Expect(overlay).ToContainTextAsync("about.md(3,9)");
        await Expect(overlay).ToContainTextAsync("BJ2002");
        await Expect(visit.Page.Locator("main")).ToContainTextAsync(AboutGoodSentence);
        Assert.Equal(200, visit.Status);
    }

    [Fact]
    public async Task ASiteThatNeverBuiltShowsItsProblemsAndTheRealPageOnceFixed()
    {
        await using var site = await LiveSite.StartAsync(about: AboutBroken);
        await using var context = await NewContextAsync();
        await using var visit = await OpenConnectedAsync(context, site.UrlOf("about/"));
        // There is no last good build to show: the server answers 503 with a page of its own.
        Assert.Equal(503, visit.Status);
        await Expect(visit.Page.Locator("#bj-problems")).ToBeVisibleAsync(Visible);
        await Expect(visit.Page.Locator("#bj-problems")).ToContainTextAsync("BJ2002");

        site.Write("content/pages/about.md", AboutFixed);

        await Expect(visit.Page.Locator("main")).ToContainTextAsync(AboutFixedSentence, Eventually);
        await Expect(visit.Page.Locator("#bj-problems")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The overlay on a phone and on a desktop, for a person to look at: in SCREENSHOTS_DIR when it
    /// names a folder, else in a temporary folder. On a phone it must not scroll sideways: the
    /// excerpt scrolls inside its own box.
    /// </summary>
    [Fact]
    public async Task WriteScreenshotsOfTheOverlayOnAPhoneAndADesktop()
    {
        var requested = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        var dir = string.IsNullOrEmpty(requested) ? Directory.CreateTempSubdirectory("bj-shots-").FullName : requested;
        Directory.CreateDirectory(dir);
        var findings = new Findings();
        try
        {
            await using var site = await LiveSite.StartAsync();
            await site.BreakAsync();
            var browser = await fixture.BrowserAsync();
            foreach (var width in new[] { 375, 1280 })
            {
                await using var context = await browser.NewContextAsync(width: width);
                await using var visit = await Browse.OpenAsync(context, site.UrlOf("about/"));
                var overlay = visit.Page.Locator("#bj-problems");
                await Expect(overlay).ToBeVisibleAsync();
                findings.Add($"{width} px", await PageChecks.HorizontalOverflowAsync(visit.Page));
                var inner = await overlay.EvaluateAsync<int[]>("el => [el.scrollWidth, el.clientWidth]");
                if (inner[0] > inner[1])
                {
                    findings.Add($"{width} px", $"#bj-problems is {inner[0]} px wide inside a {inner[1]} px box");
                }

                // The viewport, as a person sees it: the overlay is fixed to its top.
                var file = Path.Combine(dir, $"live-overlay-{width}.png");
                var png = await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
                TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
                Assert.True(png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), $"{file} is not a PNG");
                Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(requested))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        findings.AssertNone("layout problems of the error overlay");
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var browser = await fixture.BrowserAsync();
        var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(ViolationRecorder);
        return context;
    }

    /// <summary>
    /// Opens <paramref name="url"/> and waits until its live-reload script is connected to the
    /// server: an edit saved before that would never reach the tab, and the test would wait in vain.
    /// </summary>
    private static async Task<Visit> OpenConnectedAsync(IBrowserContext context, Uri url)
    {
        var page = await context.NewPageAsync();
        var monitor = PageMonitor.Attach(page);
        // The server registers the tab before it sends the response headers of the event stream.
        var connected = page.WaitForResponseAsync(r => r.Url.EndsWith("/__blackjanuary/events", StringComparison.Ordinal), new() { Timeout = Patience });
        var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
        await connected;
        return new Visit(page, monitor, response);
    }

    /// <summary>The fictional site in its own temporary folder, with the real theme, served by a real 'serve' process.</summary>
    private sealed partial class LiveSite : IAsyncDisposable
    {
        private const string SiteYaml = """
            title: Eldermere Remembers
            tagline: A fictional memorial for the live reload tests
            description: An invented memorial to an invented flood, written for the BlackJanuary live reload tests.
            base_url: https://example.org/eldermere/
            language: en
            author: The BlackJanuary test suite
            """;

        private ServeProcess? _serve;

        private LiveSite(string root) => Root = root;

        public string Root { get; }

        public ServeProcess Serve => _serve ?? throw new InvalidOperationException("the server has not started");

        public Uri UrlOf(string path) => new(Serve.Address, path);

        public static async Task<LiveSite> StartAsync(string about = AboutGood)
        {
            var site = new LiveSite(Directory.CreateTempSubdirectory("bj-live-").FullName);
            try
            {
                CopyFolder(Repository.Templates, Path.Combine(site.Root, "templates"));
                site.Write("content/site.yaml", SiteYaml);
                site.Write("content/pages/index.md", """
                    ---
                    title: Eldermere Remembers
                    weight: 1
                    summary: The home page of an invented memorial.
                    ---
                    Eldermere is an invented town, and its flood of 1903 never happened.
                    """);
                site.Write("content/pages/about.md", about);
                site._serve = await ServeProcess.StartAsync(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates"));
                return site;
            }
            catch
            {
                Directory.Delete(site.Root, recursive: true);
                throw;
            }
        }

        /// <summary>
        /// Saves as many editors do, a temporary file renamed over the old one, so that the server
        /// never reads a half-written file and builds a version the test did not write.
        /// </summary>
        public void Write(string path, string text)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            // Outside the content folder, so that the temporary file is never part of a build.
            var temp = Path.Combine(Root, $"save-{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temp, text.ReplaceLineEndings("\n"));
            File.Move(temp, full, overwrite: true);
        }

        /// <summary>Saves the broken about page and waits until the server has tried to build it.</summary>
        public async Task BreakAsync()
        {
            var skip = Serve.LineCount;
            Write("content/pages/about.md", AboutBroken);
            await Serve.WaitForAsync(BuildFailed(), TimeSpan.FromMilliseconds(Patience), skip);
        }

        [GeneratedRegex("Build failed")]
        private static partial Regex BuildFailed();

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_serve is not null)
                {
                    await _serve.DisposeAsync();
                    // Shown with a failing test: what the server built, and when.
                    TestContext.Current.TestOutputHelper?.WriteLine(_serve.Output);
                }
            }
            finally
            {
                Directory.Delete(Root, recursive: true);
            }
        }

        private static void CopyFolder(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
