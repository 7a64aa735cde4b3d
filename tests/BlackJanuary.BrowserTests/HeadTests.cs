using System.Text.Json;
using AngleSharp.Dom;
using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>What search engines and social sites read: titles, descriptions, canonical URLs, share cards, JSON-LD, icons.</summary>
public sealed class HeadTests(SiteFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public void EveryPageHasTheHeadTagsWithUniqueTitleAndDescription(string site)
    {
        var built = fixture.Site(site);
        var findings = new Findings();
        var pages = built.Pages.Select(p => (Page: p, Html: MarkupChecks.Parse(built.ReadFile(p.File)))).ToList();
        foreach (var (page, html) in pages)
        {
            findings.Add(page.File, MarkupChecks.HeadProblems(html));
            var canonical = MarkupChecks.Canonical(html);
            if (!page.IsNotFoundPage && canonical != page.Url.AbsoluteUri)
            {
                findings.Add(page.File, $"canonical URL is '{canonical}', not the page's own {page.Url}");
            }
        }

        // The 404 page stands in for any missing address and is not indexed, so it may share text.
        var indexed = pages.Where(p => !p.Page.IsNotFoundPage).ToList();
        ReportDuplicates(findings, indexed, "<title>", MarkupChecks.Title);
        ReportDuplicates(findings, indexed, "meta description", MarkupChecks.Description);
        findings.AssertNone($"<head> problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task ShareImagesAndFaviconsAreServed(string site)
    {
        var built = fixture.Site(site);
        var findings = new Findings();
        var checkedUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in built.Pages)
        {
            var html = MarkupChecks.Parse(built.ReadFile(page.File));
            foreach (var key in new[] { "og:image", "twitter:image" })
            {
                var attribute = key.StartsWith("og:", StringComparison.Ordinal) ? "property" : "name";
                var image = MarkupChecks.Meta(html, attribute, key);
                // Only our own origin can be fetched here; other origins are the privacy test's concern.
                if (Uri.TryCreate(image, UriKind.Absolute, out var url) && url.Authority == fixture.Server.Origin.Authority && checkedUrls.Add(url.AbsoluteUri))
                {
                    findings.Add($"{page.File} {key}", await PngProblemsAsync(url));
                }
            }

            if (MarkupChecks.Favicon(html) is { } icon && checkedUrls.Add(new Uri(page.Url, icon).AbsoluteUri))
            {
                using var response = await fixture.Http.GetAsync(new Uri(page.Url, icon), TestContext.Current.CancellationToken);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) != true)
                {
                    findings.Add($"{page.File} favicon", $"{icon} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
            }
        }

        findings.AssertNone($"share image or favicon problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void JsonLdDescribesArticleEventsAndBreadcrumbs(string site)
    {
        var built = fixture.Site(site);
        var findings = new Findings();
        foreach (var page in built.Pages)
        {
            var html = MarkupChecks.Parse(built.ReadFile(page.File));
            var (items, errors) = MarkupChecks.JsonLd(html);
            findings.Add(page.File, errors);
            var types = items.Select(MarkupChecks.TypeOf).ToList();
            // Every language has its home page, each the Article of that language.
            var home = built.IsHome(page);
            if (home && !types.Contains("Article"))
            {
                findings.Add(page.File, $"the home page has no JSON-LD Article (it has: {string.Join(", ", types)})");
            }

            if (!home && !page.IsNotFoundPage && !types.Contains("BreadcrumbList"))
            {
                findings.Add(page.File, $"no JSON-LD BreadcrumbList (it has: {string.Join(", ", types)})");
            }

            findings.Add(page.File, MissingEvents(html, items.Where(i => MarkupChecks.TypeOf(i) == "Event")));
        }

        findings.AssertNone($"JSON-LD problems on {site}");
    }

    /// <summary>Every timeline event dated to the day needs an Event item (with name and startDate) that links to it.</summary>
    private static IEnumerable<string> MissingEvents(IDocument html, IEnumerable<JsonElement> events)
    {
        var urls = events
            .Where(e => e.TryGetProperty("name", out _) && e.TryGetProperty("startDate", out _))
            .Select(e => e.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "")
            .ToList();
        foreach (var li in html.QuerySelectorAll("main section > ol > li[id]"))
        {
            var date = li.QuerySelector("time[datetime]")?.GetAttribute("datetime") ?? "";
            if (date.Length == "YYYY-MM-DD".Length && !urls.Any(u => u.EndsWith("#" + li.Id, StringComparison.Ordinal)))
            {
                yield return $"the event #{li.Id} of {date} has no JSON-LD Event with name, startDate and its URL";
            }
        }
    }

    private static void ReportDuplicates(Findings findings, List<(SitePage Page, IDocument Html)> pages, string what, Func<IDocument, string?> read)
    {
        foreach (var group in pages.GroupBy(p => read(p.Html) ?? "", StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            findings.Add(string.Join(", ", group.Select(p => p.Page.File)), $"share the {what} '{group.Key}'");
        }
    }

    private async Task<IEnumerable<string>> PngProblemsAsync(Uri url)
    {
        using var response = await fixture.Http.GetAsync(url, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (!response.IsSuccessStatusCode || type != "image/png" || !bytes.AsSpan().StartsWith(PngSignature))
        {
            return [$"{url} answered {(int)response.StatusCode} {type} ({bytes.Length} bytes), not a PNG (social sites do not read SVG)"];
        }

        return [];
    }
}
