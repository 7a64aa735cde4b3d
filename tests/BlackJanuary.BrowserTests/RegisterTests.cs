using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// The register of names (issue 20) in a real browser: a person's page, the index and its second
/// page, an "on this day" page and the timeline's people of each event have no axe violation in
/// light and dark mode, load with no CSP violation, console error or failed request, show their
/// content with JavaScript off and fit a 320 px screen; the jump list and the pagination are 44 px
/// targets a keyboard reaches.
/// </summary>
/// <remarks>
/// Each check runs in the languages where it can differ, so that the suite stays within the CI's
/// time: axe in every language (its lang attributes, its words), light in two and dark in one; the
/// layout in Azerbaijani and in Russian, whose words are the longest; the policy, the pages without
/// script and the keyboard in one language each, since the markup they read is the same in all.
/// </remarks>
public sealed class RegisterTests(SiteFixture fixture, RegisterSite register) : IClassFixture<RegisterSite>
{
    private const int MinTarget = 44;

    private const string JumpAndPageLinks = "Array.from(document.querySelectorAll('nav.register-letters a[href], nav.pagination a[href]'))";

    public static TheoryData<string, ColorScheme> LanguagesAndSchemes => new() { { "az", ColorScheme.Light }, { "en", ColorScheme.Dark }, { "ru", ColorScheme.Light } };

    [Theory]
    [MemberData(nameof(LanguagesAndSchemes))]
    public async Task RegisterPagesHaveNoAxeViolationsInLightAndDarkMode(string language, ColorScheme scheme)
    {
        var browser = await fixture.BrowserAsync();
        var findings = new Findings();
        await using var context = await browser.NewContextAsync(scheme);
        foreach (var (name, url) in register.Pages(language))
        {
            await using var visit = await Browse.OpenAsync(context, url);
            Assert.Equal(200, visit.Status);
            var dark = await visit.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches");
            Assert.Equal(scheme == ColorScheme.Dark, dark);
            // The filters are read open too: their links and counts must pass as well.
            await visit.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            findings.Add($"{language} {name} {url.AbsolutePath} ({scheme})", await Axe.ViolationsAsync(visit.Page));
        }

        findings.AssertNone($"axe-core WCAG 2.2 A/AA violations on the register in {language}");
    }

    [Theory]
    [InlineData("az")]
    public async Task RegisterPagesLoadWithNoPolicyViolationOrConsoleError(string language)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var (name, url) in register.Pages(language))
        {
            var where = $"{language} {name} {url.AbsolutePath}";
            var page = register.Site.PageAt(url) ?? throw new InvalidOperationException($"{url} is not a page of the register fixture");
            var html = MarkupChecks.Parse(register.Site.ReadFile(page.File));
            findings.Add(where, MarkupChecks.ContentSecurityPolicyProblems(MarkupChecks.MetaContentSecurityPolicy(html)));
            findings.Add(where, MarkupChecks.InlineScripts(html));
            findings.Add(where, MarkupChecks.InlineEventHandlers(html));
            findings.Add(where, MarkupChecks.InlineStyles(html));

            await using var visit = await Browse.OpenAsync(context, url, untilQuiet: true);
            // Chromium reports Content-Security-Policy violations as console errors.
            findings.Add(where, visit.Monitor.ConsoleErrors.Select(e => $"console error: {e}"));
            findings.Add(where, visit.Monitor.PageErrors.Select(e => $"script error: {e}"));
            findings.Add(where, visit.Monitor.FailedRequests().Select(e => $"failed request: {e}"));
            findings.Add(where, visit.Monitor.ThirdPartyRequests(register.Site.BaseUrl).Select(e => $"request to another origin: {e}"));
            findings.Add(where, await PageChecks.BrokenImagesAsync(visit.Page));
        }

        findings.AssertNone($"policy violations or errors on the register in {language}");
    }

    [Theory]
    [InlineData("en")]
    public async Task RegisterPagesShowTheirContentWithoutJavaScript(string language)
    {
        var browser = await fixture.BrowserAsync();
        await using var plain = await browser.NewContextAsync(javaScript: false);
        var findings = new Findings();
        foreach (var (name, url) in register.Pages(language))
        {
            var where = $"{language} {name} {url.AbsolutePath} without JavaScript";
            await using var visit = await Browse.OpenAsync(plain, url);
            var (problems, _) = await PageChecks.ContentAndNavigationAsync(visit.Page);
            findings.Add(where, problems);
            // What each kind of page is for must be on screen, not only in the markup.
            var wanted = name switch
            {
                "person" => new[] { "main h1", ".person-facts dt", ".person-facts dd", ".person-photo img", ".person-back a" },
                "index" => ["main h1", "nav.register-letters a", ".register-letter", ".register-people a", "details.register-filters summary", "nav.pagination a[aria-current=page]"],
                "index page 2" => ["main h1", ".register-people a", "nav.pagination a[aria-current=page]", "nav.pagination a[rel=prev]"],
                "on this day" => ["main h1", ".register-people a", ".register-events a", ".register-up a"],
                _ => [".event-people a"],
            };
            foreach (var selector in wanted)
            {
                var shown = await visit.Page.EvaluateAsync<bool>(
                    "s => Array.from(document.querySelectorAll(s)).some(el => el.getClientRects().length > 0 && el.textContent.trim().length + (el.alt || '').length > 0)",
                    selector);
                if (!shown)
                {
                    findings.Add(where, $"nothing visible matches {selector}");
                }
            }

            // The filters open without a script: <details> is the browser's own.
            if (name == "index")
            {
                await visit.Page.Locator("details.register-filters summary").ClickAsync();
                if (!await visit.Page.Locator("details.register-filters .register-links a").First.IsVisibleAsync())
                {
                    findings.Add(where, "opening the filters shows no link");
                }
            }
        }

        findings.AssertNone($"register pages that need JavaScript in {language}");
    }

    [Theory]
    [InlineData("az")]
    [InlineData("ru")]
    public async Task RegisterPagesFitA320PxScreenWithLargeTargets(string language)
    {
        var browser = await fixture.BrowserAsync();
        var findings = new Findings();
        // Colours change nothing of the layout: one scheme is enough here.
        foreach (var scheme in new[] { ColorScheme.Light })
        {
            await using var context = await browser.NewContextAsync(scheme, width: 320);
            foreach (var (name, url) in register.Pages(language))
            {
                await using var visit = await Browse.OpenAsync(context, url);
                await visit.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                foreach (var width in new[] { 320, 1280 })
                {
                    await visit.Page.SetViewportSizeAsync(width, 900);
                    var where = $"{language} {name} {url.AbsolutePath} at {width} px ({scheme})";
                    findings.Add(where, await PageChecks.HorizontalOverflowAsync(visit.Page));
                    findings.Add(where, await PageChecks.SmallTargetsAsync(visit.Page, PageChecks.NavLinks, MinTarget));
                    findings.Add(where, await PageChecks.SmallTargetsAsync(visit.Page, "Array.from(document.querySelectorAll('.register-links a, .register-filters summary, .person-back a, .register-up a'))", MinTarget));
                }
            }
        }

        findings.AssertNone($"layout problems on the register in {language}");
    }

    [Theory]
    [InlineData("ru")]
    public async Task JumpListAndPaginationLinksAreKeyboardReachable(string language)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(width: 375);
        var findings = new Findings();
        foreach (var (name, url) in register.Pages(language).Where(p => p.Name.StartsWith("index", StringComparison.Ordinal)))
        {
            var where = $"{language} {name} {url.AbsolutePath}";
            await using var visit = await Browse.OpenAsync(context, url);
            // Focus scrolls at once, as for a visitor who asks for less motion, so that what is on screen is what the check reads.
            await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
            var expected = await visit.Page.EvaluateAsync<string[]>($"() => {JumpAndPageLinks}.map(a => a.href)");
            if (name == "index" && !expected.Any(h => h.Contains('#', StringComparison.Ordinal)))
            {
                findings.Add(where, "the index has no jump list");
            }

            if (!await visit.Page.Locator("nav.pagination a").First.IsVisibleAsync())
            {
                findings.Add(where, "the index has no pagination");
            }

            // Tab through the whole page (about 100 names a page), noting which of those links get
            // focus and whether the focus shows.
            var reached = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 400; i++)
            {
                await visit.Page.Keyboard.PressAsync("Tab");
                var focus = await visit.Page.EvaluateAsync<string[]?>($$"""
                    async () => {
                      const el = document.activeElement;
                      if (!el || el === document.body) return null;
                      if (!{{JumpAndPageLinks}}.includes(el)) return [];
                      const shown = () => {
                        const s = getComputedStyle(el);
                        const r = el.getBoundingClientRect();
                        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && r.bottom > 0 && r.top < innerHeight;
                      };
                      // Focus scrolls the link into view, smoothly when motion is welcome: let it arrive.
                      for (let i = 0; i < 20 && !shown(); i++) await new Promise(r => setTimeout(r, 50));
                      return [el.href, String(shown())];
                    }
                    """);
                if (focus is null)
                {
                    break; // Past the last link of the page.
                }

                if (focus.Length == 2)
                {
                    reached.Add(focus[0]);
                    if (focus[1] != "True" && focus[1] != "true")
                    {
                        findings.Add(where, $"{focus[0]} has focus but no visible outline on screen");
                    }
                }
            }

            findings.Add(where, expected.Where(h => !reached.Contains(h)).Select(h => $"Tab never reaches {h}"));

            // Following a letter of this page with the keyboard lands on its group.
            if (name == "index")
            {
                var letter = visit.Page.Locator("nav.register-letters a").First;
                var href = await letter.GetAttributeAsync("href") ?? "";
                var id = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
                await letter.FocusAsync();
                await visit.Page.Keyboard.PressAsync("Enter");
                try
                {
                    await visit.Page.WaitForFunctionAsync("id => document.getElementById(id)?.matches(':target') ?? false", id, new PageWaitForFunctionOptions { Timeout = 5_000 });
                }
                catch (TimeoutException)
                {
                    findings.Add(where, $"Enter on the jump-list link {href} did not make its letter group the :target");
                }
            }
        }

        findings.AssertNone($"keyboard problems with the register's jump list and pagination in {language}");
    }
    /// <summary>
    /// Full-page screenshots of the register for a person to look at, in SCREENSHOTS_DIR when set,
    /// named "register-ru-index-375-dark.png", in every language, width and scheme; without it,
    /// only Russian at 375 px in light, in a temporary folder. Each must be exactly as wide as its
    /// viewport. Beside them, the pagination with its current page and a focused link.
    /// </summary>
    [Fact]
    public async Task WriteScreenshotsOfTheRegister()
    {
        var requested = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        var dir = string.IsNullOrEmpty(requested) ? Directory.CreateTempSubdirectory("bj-register-shots-").FullName : requested;
        Directory.CreateDirectory(dir);
        var browser = await fixture.BrowserAsync();
        var all = !string.IsNullOrEmpty(requested);
        foreach (var scheme in all ? new[] { ColorScheme.Light, ColorScheme.Dark } : [ColorScheme.Light])
        {
            foreach (var width in all ? new[] { 375, 1280 } : [375])
            {
                await using var context = await browser.NewContextAsync(scheme, width: width);
                foreach (var language in all ? new[] { "az", "en", "ru" } : ["ru"])
                {
                    var suffix = $"{width}-{scheme.ToString().ToLowerInvariant()}";
                    foreach (var (name, url) in register.Pages(language))
                    {
                        await using var visit = await Browse.OpenAsync(context, url);
                        await visit.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                        var file = Path.Combine(dir, $"register-{language}-{name.Replace(' ', '-')}-{suffix}.png");
                        var png = await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                        TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
                        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
                    }

                    await using (var visit = await Browse.OpenAsync(context, register.Url(language, "people/")))
                    {
                        await visit.Page.Locator("nav.pagination a").Last.FocusAsync();
                        var file = Path.Combine(dir, $"register-{language}-pagination-focus-{suffix}.png");
                        await visit.Page.Locator("nav.pagination").ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
                        TestContext.Current.SendDiagnosticMessage($"screenshot: {file}");
                    }
                }
            }
        }

        if (string.IsNullOrEmpty(requested))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
