using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// A check that cannot fail proves nothing: each check runs on a page of Fixtures/broken/ that
/// breaks its rule on purpose, and must report the problem.
/// </summary>
public sealed class BrokenPagesTests(SiteFixture fixture)
{
    [Fact]
    public async Task AxeReportsAnImageWithoutAlt()
    {
        await using var visit = await OpenAsync("missing-alt.html");
        Assert.Contains(await Axe.ViolationsAsync(visit.Page), v => v.StartsWith("image-alt ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MonitorReportsAnExternalScriptAsThirdPartyAndFailed()
    {
        await using var visit = await OpenAsync("external-script.html");
        Assert.Contains(visit.Monitor.ThirdPartyRequests(fixture.Server.Origin), u => u.StartsWith("https://example.invalid/", StringComparison.Ordinal));
        Assert.Contains(visit.Monitor.FailedRequests(), f => f.StartsWith("https://example.invalid/x.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CspChecksReportInlineScriptHandlerAndStyle()
    {
        var html = MarkupChecks.Parse(File.ReadAllText(Path.Combine(SiteFixture.BrokenDir, "inline-script.html")));
        Assert.Contains(MarkupChecks.InlineScripts(html), s => s.Contains("alert(1)", StringComparison.Ordinal));
        Assert.Contains(MarkupChecks.InlineEventHandlers(html), s => s.Contains("onclick", StringComparison.Ordinal));
        Assert.Contains(MarkupChecks.InlineStyles(html), s => s.Contains("style=", StringComparison.Ordinal));

        // The browser enforces the page's policy and says so in the console.
        await using var visit = await OpenAsync("inline-script.html");
        Assert.Contains(visit.Monitor.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public void CspPolicyChecksReportMissingWeakOrDifferentPolicies()
    {
        Assert.NotEmpty(MarkupChecks.ContentSecurityPolicyProblems(null));
        Assert.Contains(MarkupChecks.ContentSecurityPolicyProblems("default-src 'self'; script-src 'self' 'unsafe-inline'"), p => p.Contains("'unsafe-inline'", StringComparison.Ordinal));
        Assert.Contains(MarkupChecks.ContentSecurityPolicyProblems("default-src 'none'; img-src 'self'"), p => p.Contains("script-src 'self'", StringComparison.Ordinal));
        var late = MarkupChecks.Parse("<head><link rel=stylesheet href=a.css><meta http-equiv=Content-Security-Policy content=\"script-src 'self'\"></head>");
        Assert.Contains(MarkupChecks.ResourcesBeforePolicy(late), p => p.Contains("a.css", StringComparison.Ordinal));
        const string Meta = "default-src 'none'; script-src 'self'";
        Assert.Empty(SiteFileChecks.HeadersFileProblems($"/site/*\n  Content-Security-Policy: {Meta}; frame-ancestors 'none'\n", "/site/", Meta));
        Assert.NotEmpty(SiteFileChecks.HeadersFileProblems("/site/*\n  Content-Security-Policy: default-src 'none'; script-src 'self' https:\n", "/site/", Meta));
        Assert.NotEmpty(SiteFileChecks.HeadersFileProblems("/other/*\n  Content-Security-Policy: " + Meta + "\n", "/site/", Meta));
    }

    [Fact]
    public async Task VnuReportsInvalidElements()
    {
        var page = Path.Combine(SiteFixture.BrokenDir, "invalid-markup.html");
        var messages = (await fixture.VnuMessagesAsync()).Where(m => m.File == page).ToList();
        Assert.Contains(messages, m => m.Message.Contains("“li”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line > 0 && m.Message.Contains("“p”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverflowIsReportedAtPhoneWidth()
    {
        await using var visit = await OpenAsync("overflow.html", width: 320);
        Assert.Contains(await PageChecks.HorizontalOverflowAsync(visit.Page), p => p.Contains("img.too-wide", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmallTextAndTapTargetsAreReported()
    {
        await using var visit = await OpenAsync("small-text.html", width: 375);
        Assert.True(await PageChecks.BodyFontSizeAsync(visit.Page) < 16);
        Assert.Equal(2, (await PageChecks.SmallTargetsAsync(visit.Page, PageChecks.NavLinks, 44)).Count);
    }

    [Fact]
    public async Task KeyboardChecksReportMissingSkipLinkHiddenFocusAndJumps()
    {
        await using (var visit = await OpenAsync("keyboard-trap.html"))
        {
            Assert.Contains(await PageChecks.SkipLinkProblemsAsync(visit.Page), p => p.Contains("not a \"Skip to content\" link", StringComparison.Ordinal));
        }

        await using (var visit = await OpenAsync("keyboard-trap.html"))
        {
            var problems = await PageChecks.TabOrderProblemsAsync(visit.Page, 10);
            Assert.Contains(problems, p => p.Contains("no visible focus indicator", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("against the reading order", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void LanguageChecksReportBrokenAlternatesAndSwitcher()
    {
        var languages = new[] { ("az", new Uri("http://x/")), ("en", new Uri("http://x/en/")), ("ru", new Uri("http://x/ru/")) };
        var alternates = new[] { new Alternate("az", "http://x/a/"), new Alternate("en", "http://x/en/a/"), new Alternate("ru", "http://x/ru/a/") };
        var alternateProblems = LanguageChecks.AlternateSetProblems([alternates[1], alternates[2], alternates[2]], "az", "http://x/a/", ["az", "en", "ru"]);
        Assert.Contains(alternateProblems, p => p.Contains("x-default", StringComparison.Ordinal));
        Assert.Contains(alternateProblems, p => p.Contains("do not list the page itself", StringComparison.Ordinal));
        Assert.Contains(alternateProblems, p => p.Contains("given 2 times", StringComparison.Ordinal));

        var switcher = new SwitcherReport
        {
            Count = 1,
            HtmlLang = "ru",
            Links =
            [
                new SwitcherLink { HrefLang = "az", Lang = "", Name = "az", Href = "http://x/a/" },
                new SwitcherLink { HrefLang = "ru", Lang = "ru", Name = "Русский", Current = "true", Href = "http://x/ru/a/" },
                new SwitcherLink { HrefLang = "en", Lang = "en", Name = "English", Current = "true", Href = "http://x/en/" },
            ],
        };
        var problems = LanguageChecks.SwitcherProblems(switcher, new Uri("http://x/ru/a/"), isNotFoundPage: false, languages, alternates);
        Assert.Contains(problems, p => p.Contains("no aria-label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not the site's languages", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("aria-current", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("lang=\"\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("shows a code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not to the page itself", StringComparison.Ordinal));
        Assert.Single(LanguageChecks.SwitcherProblems(new SwitcherReport(), new Uri("http://x/"), isNotFoundPage: false, languages, alternates), p => p.StartsWith("no language switcher", StringComparison.Ordinal));

        // On the 404 page, shown at every missing address, the page's own language leads to its home page, not back to 404.html.
        SwitcherReport NotFound(string azHref) => new()
        {
            Count = 1,
            Label = "Dillər",
            HtmlLang = "az",
            Links =
            [
                new SwitcherLink { HrefLang = "az", Lang = "az", Name = "Azərbaycanca", Current = "true", Href = azHref },
                new SwitcherLink { HrefLang = "en", Lang = "en", Name = "English", Href = "http://x/en/", Hint = "(tərcümə yoxdur)", HintLang = "az" },
                new SwitcherLink { HrefLang = "ru", Lang = "ru", Name = "Русский", Href = "http://x/ru/", Hint = "(tərcümə yoxdur)", HintLang = "az" },
            ],
        };
        Assert.Empty(LanguageChecks.SwitcherProblems(NotFound("http://x/"), new Uri("http://x/404.html"), isNotFoundPage: true, languages, []));
        Assert.Single(LanguageChecks.SwitcherProblems(NotFound("http://x/404.html"), new Uri("http://x/404.html"), isNotFoundPage: true, languages, []), p => p.Contains("not to that language's home", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SwitcherFocusCheckReportsAPageWithoutSwitcher()
    {
        await using var visit = await OpenAsync("keyboard-trap.html");
        Assert.Contains(await LanguageChecks.SwitcherFocusProblemsAsync(visit.Page, 5), p => p.Contains("no language switcher", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoJavaScriptCheckReportsAPageWrittenByScript()
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(javaScript: false);
        await using var visit = await Browse.OpenAsync(context, new Uri(fixture.BrokenUrl, "script-only.html"));
        var (problems, _) = await PageChecks.ContentAndNavigationAsync(visit.Page);
        Assert.Contains("<main> shows no text", problems);
        Assert.Contains("the page has no <nav>", problems);
    }

    [Fact]
    public async Task BrokenImageFailedRequestAndScriptErrorsAreReported()
    {
        await using var visit = await OpenAsync("broken-image.html");
        Assert.Contains(await PageChecks.BrokenImagesAsync(visit.Page), p => p.Contains("no-such-image.png", StringComparison.Ordinal));
        Assert.Contains(visit.Monitor.FailedRequests(), f => f.Contains("no-such-image.png: HTTP 404", StringComparison.Ordinal));
        Assert.Contains(visit.Monitor.ConsoleErrors, e => e.Contains("deliberate console error", StringComparison.Ordinal));
        Assert.Contains(visit.Monitor.PageErrors, e => e.Contains("deliberate page error", StringComparison.Ordinal));
    }

    [Fact]
    public void HeadChecksReportMissingTagsAndInvalidJsonLd()
    {
        var html = MarkupChecks.Parse(File.ReadAllText(Path.Combine(SiteFixture.BrokenDir, "bad-head.html")));
        var problems = MarkupChecks.HeadProblems(html);
        foreach (var expected in new[] { "lang", "description", "canonical", "og:title", "og:image", "twitter:card", "icon", "theme-color" })
        {
            Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        }

        Assert.NotEmpty(MarkupChecks.JsonLd(html).Errors);
    }

    [Fact]
    public async Task TimelineChecksReportMissingIdsDatesPermalinksAndHighlight()
    {
        await using var visit = await OpenAsync("bad-timeline.html");
        var (problems, ids) = await PageChecks.TimelineAsync(visit.Page);
        Assert.Contains(problems, p => p.Contains("has no id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not YYYY, YYYY-MM or YYYY-MM-DD", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is filed under the year", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no link to itself", StringComparison.Ordinal));
        Assert.Equal(["first", "plain"], ids);

        await using var linked = await OpenAsync("bad-timeline.html#plain");
        Assert.Contains(await PageChecks.TargetHighlightAsync(linked.Page, "plain", "first"), p => p.Contains("looks like any other event", StringComparison.Ordinal));
    }

    [Fact]
    public void SiteFileChecksReportBrokenSitemapFeedAndRobots()
    {
        var page = new Uri("https://example.org/site/about/");
        Assert.NotEmpty(SiteFileChecks.SitemapProblems("<urlset><url><loc>https://example.org/site/about/</loc></url></urlset>", [page]));
        Assert.Contains(SiteFileChecks.SitemapProblems(
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://example.org/site/</loc></url></urlset>", [page]),
            p => p.Contains("is not in the sitemap", StringComparison.Ordinal));
        Assert.NotEmpty(SiteFileChecks.SitemapProblems("<urlset", [page]));
        var feedProblems = SiteFileChecks.AtomFeedProblems("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><updated>yesterday</updated></feed>");
        Assert.Contains(feedProblems, p => p.Contains("no <id>", StringComparison.Ordinal));
        Assert.Contains(feedProblems, p => p.Contains("not an RFC 3339 date-time", StringComparison.Ordinal));
        Assert.NotEmpty(SiteFileChecks.AtomFeedProblems("<rss version=\"2.0\"/>"));
        Assert.NotEmpty(SiteFileChecks.RobotsProblems("User-agent: *\nAllow: /\n", new Uri("https://example.org/site/sitemap.xml")));
    }

    [Fact]
    public async Task PrintAndMotionChecksReportAPageWithoutThoseStyles()
    {
        await using var visit = await OpenAsync("no-print-or-motion-styles.html");
        var print = await ReadingChecks.PrintProblemsAsync(visit.Page);
        Assert.Contains(print, p => p.StartsWith("nav", StringComparison.Ordinal));
        Assert.Contains(print, p => p.Contains("not black", StringComparison.Ordinal));
        Assert.Contains(print, p => p.Contains("an external article", StringComparison.Ordinal));
        Assert.Contains(print, p => p.Contains("#e1 may be split", StringComparison.Ordinal));
        var motion = await ReadingChecks.MotionProblemsAsync(visit.Page);
        Assert.Contains("scrolling is smooth", motion);
        Assert.Contains(motion, p => p.StartsWith("a still moves", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkCheckReportsMissingPagesFilesAndAnchors()
    {
        var url = new Uri(fixture.BrokenUrl, "broken-links.html");
        var html = MarkupChecks.Parse(File.ReadAllText(Path.Combine(SiteFixture.BrokenDir, "broken-links.html")));
        var problems = await LinkChecks.ProblemsAsync(fixture.Http, LinkChecks.InternalReferences(html, url));
        Assert.Contains(problems, p => p.Contains("/broken/no-such-page/ answers 404", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("#no-such-anchor: no element with that id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/broken/nothing.pdf answers 404", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }

    private async Task<Visit> OpenAsync(string page, int width = 1280)
    {
        var browser = await fixture.BrowserAsync();
        // Each broken page gets its own context, closed with the page, so nothing carries over.
        var context = await browser.NewContextAsync(width: width);
        var visit = await Browse.OpenAsync(context, new Uri(fixture.BrokenUrl, page), untilQuiet: true);
        return visit with { OwnedContext = context };
    }
}
