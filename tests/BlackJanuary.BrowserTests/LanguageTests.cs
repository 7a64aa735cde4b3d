using System.Xml.Linq;
using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// A site in several languages as search engines and visitors find it: every page's hreflang
/// alternates resolve and point back, the sitemap says the same, every language is among the pages
/// the other checks visit, and the language switcher leads to the same page in another language,
/// by the language's own name, with the keyboard as well as the mouse. A one-language site must
/// show none of it.
/// </summary>
public sealed class LanguageTests(SiteFixture fixture)
{
    /// <summary>The memorial's languages, each by its own name, as a Russian reader must see them in the switcher.</summary>
    private static readonly (string Code, string Name)[] MemorialLanguages = [("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")];

    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Fact]
    public void TheMemorialHasItsThreeLanguagesWithAzerbaijaniAtTheRoot()
    {
        var site = fixture.Site(SiteFixture.Memorial);
        var languages = site.Languages;
        Assert.Equal(MemorialLanguages.Select(l => l.Code), languages.Select(l => l.Code));
        Assert.Equal(["index.html", "en/index.html", "ru/index.html"], languages.Select(l => l.Home.File));
        foreach (var language in languages)
        {
            Assert.Equal(language.Code, site.LanguageOf(language.Home));
        }
    }

    /// <summary>
    /// The per-page checks visit every HTML file of the output; this proves that those files are
    /// every page of every language the sitemap announces, and that the sitemap's alternates are
    /// the pages' own.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryLanguageOfTheSitemapIsAmongThePagesCheckedAndItsAlternatesAreThePages(string site)
    {
        var built = fixture.Site(site);
        using var response = await fixture.Http.GetAsync(built.UrlOf("sitemap.xml"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"sitemap.xml answered {(int)response.StatusCode}");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var findings = new Findings();
        var languagesOfPages = built.ContentPages.GroupBy(built.LanguageOf).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var announced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in sitemap.Root!.Elements(SitemapNs + "url"))
        {
            var loc = url.Element(SitemapNs + "loc")?.Value.Trim() ?? "";
            var links = url.Elements(XhtmlNs + "link").Where(l => (string?)l.Attribute("rel") == "alternate")
                .Select(l => new Alternate((string?)l.Attribute("hreflang") ?? "", (string?)l.Attribute("href") ?? ""))
                .ToList();
            announced.UnionWith(links.Select(l => l.HrefLang).Where(h => h != LanguageChecks.XDefault));
            if (built.PageAt(new Uri(loc)) is not { } page)
            {
                findings.Add("sitemap.xml", $"{loc} is not an HTML file of the output, so no check visits it");
                continue;
            }

            var own = LanguageChecks.Alternates(MarkupChecks.Parse(built.ReadFile(page.File)));
            if (!SameSet(own, links))
            {
                findings.Add($"sitemap.xml {loc}", $"lists the alternates [{string.Join(", ", links)}], the page itself [{string.Join(", ", own)}]");
            }
        }

        if (announced.Count == 0)
        {
            announced.Add(built.LanguageOf(built.Home));
        }

        foreach (var code in announced)
        {
            if (!languagesOfPages.ContainsKey(code))
            {
                findings.Add("sitemap.xml", $"announces the language '{code}', but no page of the output has <html lang=\"{code}\"");
            }
        }

        foreach (var (code, count) in languagesOfPages.Where(l => !announced.Contains(l.Key)))
        {
            findings.Add("sitemap.xml", $"{count} pages have <html lang=\"{code}\", a language the sitemap does not announce");
        }

        TestContext.Current.SendDiagnosticMessage($"{site}: pages checked per language: {string.Join(", ", languagesOfPages.Select(l => $"{l.Key} {l.Value}"))}");
        findings.AssertNone($"pages the per-page checks of {site} would miss");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryAlternateResolvesAndListsThePageInReturn(string site)
    {
        var built = fixture.Site(site);
        var codes = built.Languages.Select(l => l.Code).ToList();
        var findings = new Findings();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in built.Pages)
        {
            var html = MarkupChecks.Parse(built.ReadFile(page.File));
            var alternates = LanguageChecks.Alternates(html);
            var htmlLang = html.DocumentElement.GetAttribute("lang") ?? "";
            if (page.IsNotFoundPage)
            {
                // Shown at any missing address and not indexed: it has no URL to be the alternate of.
                findings.Add(page.File, alternates.Select(a => $"the 404 page has the alternate {a}; a noindex page must have none"));
                continue;
            }

            findings.Add(page.File, LanguageChecks.AlternateSetProblems(alternates, htmlLang, MarkupChecks.Canonical(html), codes));
            var distinct = alternates.Where(a => a.HrefLang != LanguageChecks.XDefault).Select(a => a.HrefLang).Distinct().Count();
            if (codes.Count > 1 && distinct != codes.Count)
            {
                findings.Add(page.File, $"has alternates in {distinct} of the site's {codes.Count} languages; the memorial's pages are all translated");
            }

            foreach (var alternate in alternates)
            {
                if (!Uri.TryCreate(alternate.Href, UriKind.Absolute, out var url))
                {
                    continue; // reported above
                }

                if (!statuses.TryGetValue(url.AbsoluteUri, out var status))
                {
                    using var response = await fixture.Http.GetAsync(url, TestContext.Current.CancellationToken);
                    // HttpClient follows redirects; an alternate must be the address itself, not one that redirects.
                    var landed = response.RequestMessage?.RequestUri?.AbsoluteUri;
                    status = landed == url.AbsoluteUri ? (int)response.StatusCode : 300;
                    statuses[url.AbsoluteUri] = status;
                }

                if (status != 200)
                {
                    findings.Add(page.File, $"the alternate {alternate} answers {(status == 300 ? "with a redirect" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}, not 200");
                    continue;
                }

                if (alternate.HrefLang == LanguageChecks.XDefault)
                {
                    var defaultHome = built.Languages[0];
                    if (built.PageAt(url) is { } target && built.LanguageOf(target) != defaultHome.Code)
                    {
                        findings.Add(page.File, $"x-default is {url}, a page in '{built.LanguageOf(target)}', not in the default language '{defaultHome.Code}'");
                    }

                    continue;
                }

                if (built.PageAt(url) is not { } other)
                {
                    findings.Add(page.File, $"the alternate {alternate} answers 200 but is not a page of the output");
                    continue;
                }

                var otherHtml = MarkupChecks.Parse(built.ReadFile(other.File));
                if ((otherHtml.DocumentElement.GetAttribute("lang") ?? "") != alternate.HrefLang)
                {
                    findings.Add(page.File, $"the alternate {alternate} is a page in <html lang=\"{otherHtml.DocumentElement.GetAttribute("lang")}\">");
                }

                var back = LanguageChecks.Alternates(otherHtml);
                if (!back.Any(a => a.HrefLang == htmlLang && a.Href == page.Url.AbsoluteUri))
                {
                    findings.Add(page.File, $"its {alternate.HrefLang} alternate {other.File} does not list it back as '{htmlLang} {page.Url}' (it lists: {string.Join(", ", back)})");
                }
                else if (!SameSet(alternates, back))
                {
                    findings.Add(page.File, $"its {alternate.HrefLang} alternate {other.File} has another alternate set: [{string.Join(", ", back)}]");
                }
            }
        }

        findings.AssertNone($"hreflang problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryPageHasALanguageSwitcherToItsTranslations(string site)
    {
        var built = fixture.Site(site);
        var languages = built.Languages.Select(l => (l.Code, l.Home.Url)).ToList();
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        var names = new Dictionary<string, (string Name, string Where)>(StringComparer.Ordinal);
        foreach (var page in built.Pages)
        {
            var alternates = LanguageChecks.Alternates(MarkupChecks.Parse(built.ReadFile(page.File)));
            await using var visit = await Browse.OpenAsync(context, page.Url);
            var switcher = await LanguageChecks.SwitcherAsync(visit.Page);
            findings.Add(page.File, LanguageChecks.SwitcherProblems(switcher, page.Url, page.IsNotFoundPage, languages, alternates));

            // A language goes by one name, its own, on every page in every language.
            foreach (var link in switcher.Links)
            {
                if (!names.TryAdd(link.HrefLang, (link.Name, page.File)) && names[link.HrefLang].Name != link.Name)
                {
                    findings.Add(page.File, $"calls '{link.HrefLang}' \"{link.Name}\", {names[link.HrefLang].Where} calls it \"{names[link.HrefLang].Name}\"");
                }
            }
        }

        findings.AssertNone($"language switcher problems on {site}");
    }

    [Fact]
    public async Task OnARussianPageTheSwitcherNamesEachLanguageInItselfAndMarksRussian()
    {
        var site = fixture.Site(SiteFixture.Memorial);
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(width: 375);
        var findings = new Findings();
        foreach (var page in site.ContentPages.Where(p => site.LanguageOf(p) == "ru"))
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            var switcher = await LanguageChecks.SwitcherAsync(visit.Page);
            if (switcher.HtmlLang != "ru")
            {
                findings.Add(page.File, $"<html lang=\"{switcher.HtmlLang}\">, not ru");
            }

            if (switcher.Label != ThemeStrings.Get("ru", "language_switcher_label", "Язык"))
            {
                findings.Add(page.File, $"the switcher is labelled \"{switcher.Label}\", not in Russian");
            }

            var shown = switcher.Links.Select(l => (l.HrefLang, l.Name)).ToArray();
            if (!shown.SequenceEqual(MemorialLanguages))
            {
                findings.Add(page.File, $"the switcher shows [{string.Join(", ", shown)}], not [{string.Join(", ", MemorialLanguages)}]");
            }

            foreach (var link in switcher.Links)
            {
                if (link.Lang != link.HrefLang || link.HrefLang.Length == 0)
                {
                    findings.Add(page.File, $"{link} has lang=\"{link.Lang}\" hreflang=\"{link.HrefLang}\"");
                }

                if (link.IsCurrent != (link.HrefLang == "ru"))
                {
                    findings.Add(page.File, $"{link} has aria-current=\"{link.Current}\"");
                }
            }

            // At phone width the switcher must fit the header: on screen, within the viewport, not over the title.
            findings.Add($"{page} at 375 px", await visit.Page.EvaluateAsync<string[]>("""
                () => {
                  const nav = Array.from(document.querySelectorAll('nav')).find(n => n.querySelector('a[hreflang]'));
                  if (!nav) return ['no switcher'];
                  const problems = [];
                  const header = nav.closest('header');
                  for (const a of nav.querySelectorAll('a')) {
                    const r = a.getBoundingClientRect();
                    if (r.left < 0 || r.right > innerWidth + 0.5) problems.push(`"${a.textContent.trim()}" reaches past the screen (${Math.round(r.left)}–${Math.round(r.right)} px)`);
                    if (header) {
                      const h = header.getBoundingClientRect();
                      if (r.top < h.top - 0.5 || r.bottom > h.bottom + 0.5) problems.push(`"${a.textContent.trim()}" sticks out of the header`);
                    }
                    for (const other of document.querySelectorAll('header a, header p')) {
                      if (nav.contains(other) || other.contains(nav)) continue;
                      const o = other.getBoundingClientRect();
                      if (o.width && o.height && r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom)
                        problems.push(`"${a.textContent.trim()}" overlaps "${other.textContent.trim().slice(0, 30)}"`);
                    }
                  }
                  return problems;
                }
                """));
        }

        findings.AssertNone("problems with the language switcher on the Russian pages");
    }

    [Fact]
    public async Task FollowingASwitcherLinkOpensTheSamePageInThatLanguage()
    {
        var site = fixture.Site(SiteFixture.Memorial);
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        var followed = 0;
        // Every page's alternates are checked without a browser (EveryPageHasALanguageSwitcherToItsTranslations);
        // here each page follows one switcher link, to each language in turn, so that every link
        // kind is clicked from every page without clicking every link of every page.
        foreach (var (page, index) in site.ContentPages.Select((p, i) => (p, i)))
        {
            var alternates = LanguageChecks.Alternates(MarkupChecks.Parse(site.ReadFile(page.File)));
            var own = site.LanguageOf(page);
            var others = alternates.Where(a => a.HrefLang != LanguageChecks.XDefault && a.HrefLang != own).ToList();
            foreach (var target in others.Where((_, i) => i == index % Math.Max(1, others.Count)))
            {
                await using var visit = await Browse.OpenAsync(context, page.Url);
                var link = visit.Page.Locator($"nav a[hreflang='{target.HrefLang}']");
                if (await link.CountAsync() != 1)
                {
                    findings.Add(page.File, $"{await link.CountAsync()} switcher links to '{target.HrefLang}'");
                    continue;
                }

                await link.ClickAsync();
                await visit.Page.WaitForURLAsync(url => url != page.Url.AbsoluteUri, new PageWaitForURLOptions { Timeout = 10_000 });
                await visit.Page.WaitForLoadStateAsync(LoadState.Load);
                followed++;
                var where = $"{page.File} → {target.HrefLang}";
                var landed = await visit.Page.EvaluateAsync<LandedPage>("""
                    () => ({
                      url: location.href,
                      lang: document.documentElement.lang,
                      alternates: Array.from(document.querySelectorAll('link[rel~=alternate][hreflang]'), l => [l.getAttribute('hreflang'), l.getAttribute('href')]),
                      current: Array.from(document.querySelectorAll('nav a[hreflang][aria-current]'), a => a.getAttribute('hreflang')),
                    })
                    """);
                if (landed.Url != target.Href)
                {
                    findings.Add(where, $"landed on {landed.Url}, not on the page's {target.HrefLang} alternate {target.Href}");
                }

                if (landed.Lang != target.HrefLang)
                {
                    findings.Add(where, $"landed on a page with <html lang=\"{landed.Lang}\">");
                }

                var there = landed.Alternates.Select(a => new Alternate(a[0], a[1])).ToList();
                if (!SameSet(alternates, there))
                {
                    findings.Add(where, $"the page there has the alternates [{string.Join(", ", there)}], not the same set as here [{string.Join(", ", alternates)}]");
                }

                if (!landed.Current.SequenceEqual([target.HrefLang]))
                {
                    findings.Add(where, $"the switcher there marks [{string.Join(", ", landed.Current)}] as current");
                }

                findings.Add(where, visit.Monitor.FailedRequests().Select(f => $"failed request: {f}"));
                findings.Add(where, visit.Monitor.ConsoleErrors.Select(e => $"console error: {e}"));
            }
        }

        Assert.True(followed >= site.ContentPages.Count, $"only {followed} switcher links followed from {site.ContentPages.Count} pages");
        findings.AssertNone("switcher links that do not lead to the same page in another language");
    }

    /// <summary>The phone width in the light scheme and the desktop width in the dark one: each width and each scheme's focus colours, at half the cost of every pair.</summary>
    [Theory]
    [InlineData(375, ColorScheme.Light)]
    [InlineData(1280, ColorScheme.Dark)]
    public async Task SwitcherLinksShowKeyboardFocus(int width, ColorScheme scheme)
    {
        var site = fixture.Site(SiteFixture.Memorial);
        var browser = await fixture.BrowserAsync();
        var findings = new Findings();
        await using var context = await browser.NewContextAsync(scheme, width: width);
        foreach (var page in site.Pages)
        {
            await using var visit = await Browse.OpenAsync(context, page.Url);
            findings.Add($"{page} ({scheme.ToString().ToLowerInvariant()})", await LanguageChecks.SwitcherFocusProblemsAsync(visit.Page, 12));
        }

        findings.AssertNone($"keyboard focus problems on the language switcher at {width} px");
    }

    private static bool SameSet(IEnumerable<Alternate> a, IEnumerable<Alternate> b) =>
        a.ToHashSet().SetEquals(b);

    private sealed class LandedPage
    {
        [System.Text.Json.Serialization.JsonPropertyName("url")] public string Url { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("lang")] public string Lang { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("alternates")] public string[][] Alternates { get; set; } = [];

        [System.Text.Json.Serialization.JsonPropertyName("current")] public string[] Current { get; set; } = [];
    }
}
