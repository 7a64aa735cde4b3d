using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Search (issue 21) in a real browser, on the register fixture with people named in one script or
/// in three (<see cref="RegisterSite.SearchPeople"/>): a query in any spelling finds them on every
/// language's search page, from the address (?q=) or as it is typed; the results are announced,
/// reached by the arrow keys and axe-clean in light and dark; the page works under the site's
/// policy, asks nothing of another origin, and says what to do without JavaScript.
/// </summary>
public sealed class SearchTests(SiteFixture fixture, RegisterSite register) : IClassFixture<RegisterSite>
{
    /// <summary>A query, and the people (by id) it must find.</summary>
    public static TheoryData<string, string[]> Queries => new()
    {
        { "Gasanov", ["test-search-hasanov", "test-search-gasanova"] },
        { "Həsənova", ["test-search-hasanov", "test-search-gasanova"] },
        { "Гасан", ["test-search-hasanov", "test-search-gasanova"] },
        { "Gasnov", ["test-search-hasanov", "test-search-gasanova"] },
        { "Гейдар", ["test-search-heydar"] },
        { "Heidar Numunaly", ["test-search-heydar"] },
        { "Sinagov", ["test-person-two"] },
        { "Iokhlamaly", ["test-person-four"] },
    };

    private static async Task<(string Status, string Count, IReadOnlyList<string> Links)> ResultsAsync(IPage page)
    {
        await page.Locator("#search-status[data-state=done]").WaitForAsync(new() { Timeout = 10_000 });
        var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#search-results a')).map(a => new URL(a.href).pathname)");
        return (await page.Locator("#search-status").InnerTextAsync(), await page.Locator("#search-status").GetAttributeAsync("data-count") ?? "", links);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_in_the_address_finds_its_people_in_every_language(string query, string[] ids)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var findings = new Findings();
        foreach (var language in new[] { "az", "en", "ru" })
        {
            var url = new Uri(register.Url(language, "search/") + "?q=" + Uri.EscapeDataString(query));
            await using var visit = await Browse.OpenAsync(context, url);
            var (status, _, links) = await ResultsAsync(visit.Page);
            foreach (var id in ids)
            {
                var person = register.Url(language, $"people/{id}/").AbsolutePath;
                if (!links.Contains(person))
                {
                    findings.Add($"{language} {url.PathAndQuery}", $"{person} is not among the results ({status}: {string.Join(", ", links)})");
                }
            }

            if (links.Any(l => l.Contains("test-search-hidden", StringComparison.Ordinal)))
            {
                findings.Add($"{language} {url.PathAndQuery}", "the unpublished person is found");
            }
        }

        findings.AssertNone($"the search for '{query}'");
    }

    [Fact]
    public async Task Typing_finds_as_you_type_announces_the_count_and_the_arrow_keys_reach_the_results()
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        await using var visit = await Browse.OpenAsync(context, register.Url("en", "search/"));
        var page = visit.Page;
        Assert.Equal("status", await page.Locator("#search-status").GetAttributeAsync("role"));

        await page.Locator("#search-q").PressSequentiallyAsync("Gasa", new() { Delay = 30 });
        var (status, count, links) = await ResultsAsync(page);
        Assert.Equal("2", count);
        Assert.Equal("2 results for “Gasa”", status);
        Assert.Equal(["/register/en/people/test-search-gasanova/", "/register/en/people/test-search-hasanov/"], links.Order(StringComparer.Ordinal));
        // The query is in the address, to share or reload.
        Assert.EndsWith("?q=Gasa", page.Url, StringComparison.Ordinal);
        // The matched word is marked in each title.
        Assert.Equal(["Həsənov", "Гасанова"], (await page.Locator("#search-results a mark").AllInnerTextsAsync()).Order(StringComparer.Ordinal));

        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(links[0], await page.EvaluateAsync<string>("() => new URL(document.activeElement.href).pathname"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(links[1], await page.EvaluateAsync<string>("() => new URL(document.activeElement.href).pathname"));
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("search-q", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.Locator("#search-q").FillAsync("Gizlinov");
        (status, count, _) = await ResultsAsync(page);
        Assert.Equal("0", count);
        Assert.StartsWith("Nothing found for “Gizlinov”", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_field_of_every_page_leads_to_the_search_page_of_its_language()
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        await using var visit = await Browse.OpenAsync(context, register.Url("ru", "people/test-person-one/"));
        await visit.Page.Locator("#site-search-q").FillAsync("Гейдар");
        await visit.Page.Locator("#site-search-q").PressAsync("Enter");
        await visit.Page.WaitForURLAsync("**/register/ru/search/?q=*");
        var (status, _, links) = await ResultsAsync(visit.Page);
        Assert.Equal(["/register/ru/people/test-search-heydar/"], links);
        Assert.Equal("По запросу «Гейдар» найден 1 результат", status);
        Assert.Equal("ru", await visit.Page.Locator("#search-results a").GetAttributeAsync("lang"));
    }

    [Theory]
    [InlineData("az", ColorScheme.Light)]
    [InlineData("ru", ColorScheme.Dark)]
    public async Task Results_have_no_axe_violation_no_policy_violation_and_ask_nothing_of_another_origin(string language, ColorScheme scheme)
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(scheme);
        var url = new Uri(register.Url(language, "search/") + "?q=Gasanov");
        await using var visit = await Browse.OpenAsync(context, url);
        await ResultsAsync(visit.Page);
        var where = $"{language} {url.PathAndQuery} ({scheme})";
        var findings = new Findings();
        findings.Add(where, await Axe.ViolationsAsync(visit.Page));
        var html = MarkupChecks.Parse(register.Site.ReadFile((language == "az" ? "" : language + "/") + "search/index.html"));
        findings.Add(where, MarkupChecks.ContentSecurityPolicyProblems(MarkupChecks.MetaContentSecurityPolicy(html)));
        findings.Add(where, MarkupChecks.InlineScripts(html));
        findings.Add(where, visit.Monitor.ConsoleErrors.Select(e => $"console error: {e}"));
        findings.Add(where, visit.Monitor.PageErrors.Select(e => $"script error: {e}"));
        findings.Add(where, visit.Monitor.FailedRequests().Select(e => $"failed request: {e}"));
        findings.Add(where, visit.Monitor.ThirdPartyRequests(register.Site.BaseUrl).Select(e => $"request to another origin: {e}"));
        findings.AssertNone("problems of the search page with results");
    }

    [Fact]
    public async Task Without_javascript_the_page_says_so_and_links_to_the_names_the_timeline_and_the_sitemap()
    {
        var browser = await fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(javaScript: false);
        await using var visit = await Browse.OpenAsync(context, new Uri(register.Url("en", "search/") + "?q=Gasanov"));
        var notice = visit.Page.Locator(".search-nojs");
        Assert.True(await notice.IsVisibleAsync());
        Assert.Contains("needs JavaScript", await notice.InnerTextAsync(), StringComparison.Ordinal);
        var links = await visit.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('.search-nojs a')).map(a => new URL(a.href).pathname)");
        Assert.Equal(["/register/en/people/", "/register/en/timeline/", "/register/sitemap.xml"], links);
        foreach (var link in links)
        {
            var response = await fixture.Http.GetAsync(new Uri(register.Site.BaseUrl, link), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{link}: {response.StatusCode}");
        }
    }
}
