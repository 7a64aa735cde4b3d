using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BlackJanuary.Checks;
using BlackJanuary.Diagnostics;
using BlackJanuary.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// External links found in fixture sites loaded and rendered by the real stages, checked for
/// shape, and asked for from a real HTTP server on the loopback interface.
/// </summary>
public class ExternalLinksTests
{
    private static IReadOnlyList<ExternalLink> Collect(FixtureSite fixture)
    {
        var (site, loading) = fixture.LoadAndRender();
        // The fixtures are otherwise clean, so whatever is reported comes from the code under test.
        Assert.Empty(fixture.Format(loading));
        return ExternalLinks.Collect(site!);
    }

    /// <summary>The system's words for a refused connection differ between systems; the rest must not.</summary>
    private static string WithoutSystemMessage(string text) =>
        Regex.Replace(text, @"could not be reached \(.*\)", "could not be reached ({system message})");

    [Fact]
    public void Collect_finds_every_external_url_once_with_every_place_it_is_written_in_content_order()
    {
        using var fixture = new FixtureSite(new Dictionary<string, string>
        {
            // trusted_html lets the external image and the javascript: link through the Markdown stage.
            ["content/site.yaml"] = """
                title: Fictional Memorial
                base_url: https://memorial.example.org/sub/
                image: https://cdn.example.org/share.jpg
                nav:
                  - title: Home
                    url: /
                  - title: Archive
                    url: https://archive.example.org/testville
                markdown:
                  trusted_html: true
                """,
            ["content/pages/about.md"] = "---\ntitle: About\n---\nSee [the gazette](https://gazette.example.org/bridge) again.\n",
            ["content/pages/index.md"] = """
                ---
                title: Welcome to Testville
                image: https://cdn.example.org/home.jpg
                image_alt: The square
                ---
                Read [the gazette](https://gazette.example.org/bridge) and [about us](about.md).

                An autolink <https://example.org/autolink>, a [mail](mailto:editors@example.org), <editors@example.org>.

                ![A picture](https://images.example.org/p.jpg) and [code](javascript:alert(1)) and [a page](/timeline/).

                [ref]: https://never.example.org/unused
                """,
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = """
                - date: 1990-01-20
                  title: The bridge
                  body: See <https://gazette.example.org/bridge>.
                  sources:
                    - title: Gazette
                      url: https://gazette.example.org/bridge
                    - title: Archive
                      url: https://archive.example.org/bridge
                """,
        });
        var links = Collect(fixture);

        Assert.Equal(
        [
            "https://gazette.example.org/bridge at content/pages/about.md(4,5), content/pages/index.md(6,6), content/timeline.yaml(1,3)",
            "https://cdn.example.org/home.jpg at content/pages/index.md(3,8)",
            "https://example.org/autolink at content/pages/index.md(8,13)",
            "mailto:editors@example.org at content/pages/index.md(8,47)",
            "https://images.example.org/p.jpg at content/pages/index.md(10,1)",
            "https://archive.example.org/bridge at content/timeline.yaml(1,3)",
            "https://cdn.example.org/share.jpg at content/site.yaml(3,8)",
            "https://archive.example.org/testville at content/site.yaml(8,10)",
        ], links.Select(l => $"{l.Url} at {string.Join(", ", l.Locations.Select(at => at.Format(fixture.Root)))}"));
    }

    [Fact]
    public void Check_syntax_warns_at_every_place_a_link_is_not_a_full_http_or_mailto_address()
    {
        using var fixture = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/links.md"] = """
                ---
                title: Links
                ---
                [a](//example.org/no-scheme)
                [b](htps://example.org/typo)
                [c](https://)
                [d](mailto:?subject=hello)
                [e](https://example.org/fine) [f](mailto:editors@example.org) [g](http://127.0.0.1:8080/)
                [a again](//example.org/no-scheme)
                """,
        });
        var links = Collect(fixture);
        var diagnostics = new DiagnosticBag();

        ExternalLinks.CheckSyntax(links, diagnostics);

        Assert.Equal(
        [
            "content/pages/links.md(4,1): warning BJ3009: external link '//example.org/no-scheme' is malformed: it has no scheme (https:); write the full address, like https://example.org/page",
            "content/pages/links.md(5,1): warning BJ3009: external link 'htps://example.org/typo' is malformed: 'htps:' is not http:, https: or mailto:; write the full address, like https://example.org/page",
            "content/pages/links.md(6,1): warning BJ3009: external link 'https://' is malformed: it is not a valid URI; write the full address, like https://example.org/page",
            "content/pages/links.md(7,1): warning BJ3009: external link 'mailto:?subject=hello' is malformed: it has no host; write the full address, like https://example.org/page",
            "content/pages/links.md(9,1): warning BJ3009: external link '//example.org/no-scheme' is malformed: it has no scheme (https:); write the full address, like https://example.org/page",
        ], fixture.Format(diagnostics));
    }

    [Fact]
    public async Task Fetch_reports_exactly_the_links_that_answer_with_an_error_time_out_or_cannot_be_reached()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = await LinkServer.StartAsync(cancellation);
        var closed = ClosedPort();
        using var fixture = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/links.md"] = $"""
                ---
                title: Links
                ---
                [ok]({server.Base}/ok)
                [missing]({server.Base}/missing)
                [failing]({server.Base}/failing)
                [no head]({server.Base}/no-head)
                [head not implemented]({server.Base}/head-not-implemented)
                [moved]({server.Base}/moved)
                [busy]({server.Base}/busy)
                [slow]({server.Base}/slow)
                [closed](http://127.0.0.1:{closed}/)
                [mail](mailto:editors@example.org)
                [no scheme](//example.org/x)
                [missing again]({server.Base}/missing)
                """,
        });
        var links = Collect(fixture);
        using var client = new HttpClient();

        var results = await ExternalLinks.FetchAsync(links, client, maxParallel: 4, TimeSpan.FromSeconds(1), cancellation);

        Assert.Equal(links, results.Select(r => r.Link));
        Assert.Equal(
        [
            $"{server.Base}/ok Reachable answered 200",
            $"{server.Base}/missing Broken answered 404",
            $"{server.Base}/failing Broken answered 500",
            $"{server.Base}/no-head Reachable answered 200",
            $"{server.Base}/head-not-implemented Broken answered 404",
            $"{server.Base}/moved Reachable answered 200",
            $"{server.Base}/busy RateLimited answered 429 (too many requests): rate limited, not checked",
            $"{server.Base}/slow Broken did not answer within 1 s",
            $"http://127.0.0.1:{closed}/ Broken could not be reached ({{system message}})",
            "mailto:editors@example.org NotChecked is an e-mail address, which cannot be checked without sending mail",
            "//example.org/x NotChecked is malformed (BJ3009)",
        ], results.Select(r => WithoutSystemMessage($"{r.Link.Url} {r.Status} {r.Detail}")));

        // One warning per broken URL, at the first place it is written (line 5, not line 16, for /missing).
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in results.Select(r => r.Diagnostic).OfType<Diagnostic>())
        {
            diagnostics.Add(diagnostic);
        }

        Assert.Equal(
        [
            $"content/pages/links.md(5,1): warning BJ3010: link '{server.Base}/missing' answered 404; fix or remove the link, or link to an archived copy",
            $"content/pages/links.md(6,1): warning BJ3010: link '{server.Base}/failing' answered 500; fix or remove the link, or link to an archived copy",
            $"content/pages/links.md(8,1): warning BJ3010: link '{server.Base}/head-not-implemented' answered 404; fix or remove the link, or link to an archived copy",
            $"content/pages/links.md(11,1): warning BJ3010: link '{server.Base}/slow' did not answer within 1 s; fix or remove the link, or link to an archived copy",
            $"content/pages/links.md(12,1): warning BJ3010: link 'http://127.0.0.1:{closed}/' could not be reached ({{system message}}); fix or remove the link, or link to an archived copy",
        ], fixture.Format(diagnostics).Select(WithoutSystemMessage));

        // HEAD first, GET again wherever HEAD got an error (sites refuse HEAD in many ways), but not
        // after 429; redirects followed, nothing asked twice.
        Assert.Equal(
        [
            "GET /failing", "GET /head-not-implemented", "GET /missing", "GET /no-head",
            "HEAD /busy", "HEAD /failing", "HEAD /head-not-implemented", "HEAD /missing", "HEAD /moved", "HEAD /moved-here", "HEAD /no-head", "HEAD /ok", "HEAD /slow",
        ], server.Requests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_fetch_ends_with_cancellation_instead_of_reporting_links_as_broken()
    {
        await using var server = await LinkServer.StartAsync(TestContext.Current.CancellationToken);
        using var fixture = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/links.md"] = $"---\ntitle: Links\n---\n[slow]({server.Base}/slow)\n",
        });
        var links = Collect(fixture);
        using var client = new HttpClient();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExternalLinks.FetchAsync(links, client, maxParallel: 1, TimeSpan.FromSeconds(30), cancellation.Token));
    }

    /// <summary>A port nothing listens on: taken from the system, then let go.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
