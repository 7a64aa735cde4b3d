using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Checks;

/// <summary>An address on another site, with every place the content writes it, in content order.</summary>
public sealed record ExternalLink(string Url, IReadOnlyList<SourceLocation> Locations);

public enum ExternalLinkStatus
{
    /// <summary>The site answered with a success or a redirect it ended on.</summary>
    Reachable,

    /// <summary>An error status, no answer in time, or no connection: <see cref="ExternalLinkResult.Diagnostic"/> says which.</summary>
    Broken,

    /// <summary>The site answered 429: it refuses to be asked so often, which says nothing about the link.</summary>
    RateLimited,

    /// <summary>Not asked: a mailto: address, or a link too malformed to ask for (BJ3009).</summary>
    NotChecked,
}

/// <summary>A source that cites an address, at the event or person that cites it; <see cref="Archived"/> is "" without an archived copy.</summary>
public sealed record CitedSource(string Url, string Archived, SourceLocation At);

/// <summary>What asking for one external link gave; <see cref="Detail"/> reads after the link ("answered 404").</summary>
public sealed record ExternalLinkResult(ExternalLink Link, ExternalLinkStatus Status, string Detail)
{
    /// <summary>The warning for a broken link, at the first place it is written; null for any other status.</summary>
    public Diagnostic? Diagnostic => Status == ExternalLinkStatus.Broken
        ? new Diagnostic(Severity.Warning, DiagnosticCodes.BrokenExternalLink, Link.Locations[0],
            $"link '{Link.Url}' {Detail}; fix or remove the link, or link to an archived copy")
        : null;
}

/// <summary>
/// The links that leave the site: found in the content, checked for shape on every run, and asked
/// for over the network only on request (<c>check --external</c>), since sites go away over the
/// years a memorial stays up.
/// </summary>
public static class ExternalLinks
{
    /// <summary>
    /// Every external URL of <paramref name="site"/>, once each, in content order: links, images and
    /// autolinks in pages and event bodies, the sources of events and people with their archived
    /// copies, page share images, and site.yaml's image and nav. Raw HTML is not read (it is escaped unless markdown.unsafe_html is on).
    /// </summary>
    public static IReadOnlyList<ExternalLink> Collect(Site site)
    {
        var found = site.Pages
            .SelectMany(p => p.ExternalLinks.Prepend(new WrittenLink(p.Image, p.ImageLocation)))
            .ToList();
        foreach (var e in site.AllEvents)
        {
            found.AddRange(e.ExternalLinks);
        }

        found.AddRange(CitedSources(site).SelectMany(s => new[] { new WrittenLink(s.Url, s.At), new WrittenLink(s.Archived, s.At) }));

        found.Add(new WrittenLink(site.Config.Image, site.Config.ImageLocation));
        found.AddRange(site.Config.NavLinks);

        return found
            .Where(f => Urls.IsExternal(f.Url) && !Urls.RunsCode(f.Url))
            .GroupBy(f => f.Url, f => f.At, StringComparer.Ordinal)
            .Select(g => new ExternalLink(g.Key, g.Distinct().ToList()))
            .ToList();
    }

    /// <summary>Every source of the timeline and of the published people that gives an address, in content order.</summary>
    public static IReadOnlyList<CitedSource> CitedSources(Site site) =>
        site.Timeline.SelectMany(e => e.Sources.Select(s => (Source: s, At: e.Location)))
            .Concat(site.People.SelectMany(p => p.Sources.Select(s => (Source: s, At: p.Location))))
            .Where(c => c.Source.Url.Length > 0)
            .Select(c => new CitedSource(c.Source.Url, c.Source.Archived, c.At))
            .ToList();

    /// <summary>
    /// What fetching the links means, as diagnostics: a broken link (BJ3010), or, for a source's
    /// original that readers can still read in its archived copy, that (BJ3021); and, since a site
    /// may go away at any time, each source's address that has no archived copy yet (BJ3020).
    /// Each address is reported once, at the first place it is written or cited.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Report(IReadOnlyList<ExternalLinkResult> results, IReadOnlyList<CitedSource> sources)
    {
        var byUrl = results.GroupBy(r => r.Link.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var archives = sources.Where(s => s.Archived.Length > 0).GroupBy(s => s.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var report = new List<Diagnostic>();
        foreach (var result in results.Where(r => r.Status == ExternalLinkStatus.Broken))
        {
            if (!archives.TryGetValue(result.Link.Url, out var source))
            {
                report.Add(result.Diagnostic!);
                continue;
            }

            var copy = byUrl.TryGetValue(source.Archived, out var fetched) && fetched.Status == ExternalLinkStatus.Broken
                ? $"but its archived copy '{source.Archived}' {fetched.Detail} too (BJ3010); save the page again in a web archive if it can still be found, or find another copy"
                : $"readers can still use its archived copy '{source.Archived}', linked beside it; keep the source, and give the original's new address in 'url' if it has moved";
            report.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.BrokenArchivedSource, source.At,
                $"source '{result.Link.Url}' {result.Detail}; {copy}"));
        }

        foreach (var source in sources.Where(s => s.Archived.Length == 0).DistinctBy(s => s.Url, StringComparer.Ordinal))
        {
            if (!archives.ContainsKey(source.Url))
            {
                report.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.UnarchivedSource, source.At,
                    $"source '{source.Url}' has no archived copy, and its site may change or go away; save it in a web archive (for example at https://web.archive.org/save) and add 'archived:' with the copy's address (in people.csv the column 'source_archived'), such as https://web.archive.org/web/YYYYMMDDhhmmss/{source.Url}"));
            }
        }

        return report;
    }

    /// <summary>Warns, at every place it is written, about each link that is not a full http(s) or mailto: address.</summary>
    public static void CheckSyntax(IReadOnlyList<ExternalLink> links, DiagnosticBag diagnostics)
    {
        foreach (var link in links)
        {
            if (Parse(link.Url, out var problem) is null)
            {
                foreach (var at in link.Locations)
                {
                    diagnostics.Warning(DiagnosticCodes.MalformedExternalLink, at,
                        $"external link '{link.Url}' is malformed: {problem}; write the full address, like https://example.org/page");
                }
            }
        }
    }

    /// <summary>
    /// Asks each site whether its link still leads somewhere: HEAD, then GET when the site does not
    /// do HEAD (405, 501), following redirects as <paramref name="client"/> does. Give the client a
    /// User-Agent: some sites refuse requests without one. Results are in the order of
    /// <paramref name="links"/>, one each.
    /// </summary>
    /// <param name="maxParallel">How many requests may be open at once, across all sites.</param>
    /// <param name="timeout">How long one link (both requests, when GET follows HEAD) may take.</param>
    public static async Task<IReadOnlyList<ExternalLinkResult>> FetchAsync(
        IReadOnlyList<ExternalLink> links, HttpClient client, int maxParallel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var results = new ExternalLinkResult[links.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, links.Count), options,
            async (i, ct) => results[i] = await FetchAsync(links[i], client, timeout, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private static async Task<ExternalLinkResult> FetchAsync(ExternalLink link, HttpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Parse(link.Url, out _) is not { } uri)
        {
            return new ExternalLinkResult(link, ExternalLinkStatus.NotChecked, "is malformed (BJ3009)");
        }

        if (uri.Scheme == Uri.UriSchemeMailto)
        {
            return new ExternalLinkResult(link, ExternalLinkStatus.NotChecked, "is an e-mail address, which cannot be checked without sending mail");
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            var status = await StatusAsync(client, HttpMethod.Head, uri, timer.Token).ConfigureAwait(false);
            // Many sites answer HEAD, or requests that look automated, with errors they do not give
            // a browser's GET; only a GET that fails too makes a link broken.
            if (status >= 400 && status != 429)
            {
                status = await StatusAsync(client, HttpMethod.Get, uri, timer.Token).ConfigureAwait(false);
            }

            return status switch
            {
                429 => new ExternalLinkResult(link, ExternalLinkStatus.RateLimited, "answered 429 (too many requests): rate limited, not checked"),
                >= 400 => new ExternalLinkResult(link, ExternalLinkStatus.Broken, $"answered {status}"),
                _ => new ExternalLinkResult(link, ExternalLinkStatus.Reachable, $"answered {status}"),
            };
        }
        // Our own timer, or the client's Timeout; a cancelled check is not a broken link and ends the run.
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExternalLinkResult(link, ExternalLinkStatus.Broken, $"did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return new ExternalLinkResult(link, ExternalLinkStatus.Broken, $"could not be reached ({e.Message})");
        }
    }

    private static async Task<int> StatusAsync(HttpClient client, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        // Headers are enough for a status; a GET must not download the page.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    /// <summary>The URI of a full http(s) or mailto: address with a host; otherwise null, and what is wrong.</summary>
    private static Uri? Parse(string url, out string problem)
    {
        problem = "";
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            // Valid in HTML, but a feed reader or a saved page has no scheme to borrow.
            problem = "it has no scheme (https:)";
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            problem = "it is not a valid URI";
            return null;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeMailto)
        {
            problem = $"'{parsed.Scheme}:' is not http:, https: or mailto:";
            return null;
        }

        if (parsed.Host.Length == 0)
        {
            problem = "it has no host";
            return null;
        }

        return parsed;
    }
}
