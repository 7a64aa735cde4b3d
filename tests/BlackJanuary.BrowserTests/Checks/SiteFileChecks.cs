using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>Checks of the site-wide files: sitemap.xml, feed.xml (Atom), robots.txt and _headers.</summary>
public static class SiteFileChecks
{
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>A sitemaps.org urlset whose &lt;loc&gt;s are exactly <paramref name="expected"/>.</summary>
    public static IReadOnlyList<string> SitemapProblems(string xml, IEnumerable<Uri> expected)
    {
        if (Load(xml) is not { } doc)
        {
            return ["sitemap.xml is not well-formed XML"];
        }

        if (doc.Root?.Name != SitemapNs + "urlset")
        {
            return [$"sitemap.xml's root is <{doc.Root?.Name}>, not <urlset xmlns=\"{SitemapNs}\">"];
        }

        var problems = new List<string>();
        var locs = doc.Root.Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")?.Value.Trim() ?? "").ToList();
        problems.AddRange(locs.Where(l => !Uri.TryCreate(l, UriKind.Absolute, out _)).Select(l => $"<loc>{l}</loc> is not an absolute URL"));
        var wanted = expected.Select(u => u.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(wanted.Except(locs).Order(StringComparer.Ordinal).Select(u => $"{u} is not in the sitemap"));
        problems.AddRange(locs.Except(wanted).Order(StringComparer.Ordinal).Select(u => $"the sitemap lists {u}, which is not a page of the site"));
        problems.AddRange(locs.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} is listed {g.Count()} times"));
        return problems;
    }

    /// <summary>The elements RFC 4287 requires of an Atom feed and of each of its entries.</summary>
    public static IReadOnlyList<string> AtomFeedProblems(string xml)
    {
        if (Load(xml) is not { } doc)
        {
            return ["feed.xml is not well-formed XML"];
        }

        if (doc.Root?.Name != AtomNs + "feed")
        {
            return [$"feed.xml's root is <{doc.Root?.Name}>, not <feed xmlns=\"{AtomNs}\">"];
        }

        var problems = new List<string>();
        var feed = doc.Root;
        RequireAtomBasics(feed, "<feed>", problems);
        var feedHasAuthor = feed.Element(AtomNs + "author")?.Element(AtomNs + "name") is not null;
        var i = 0;
        foreach (var entry in feed.Elements(AtomNs + "entry"))
        {
            i++;
            RequireAtomBasics(entry, $"<entry> {i}", problems);
            if (!feedHasAuthor && entry.Element(AtomNs + "author")?.Element(AtomNs + "name") is null)
            {
                problems.Add($"<entry> {i} has no <author><name>, and neither has the feed");
            }
        }

        return problems;
    }

    /// <summary>A Sitemap: line with the sitemap's absolute URL.</summary>
    public static IReadOnlyList<string> RobotsProblems(string robots, Uri sitemap)
    {
        var lines = robots.Split('\n', StringSplitOptions.TrimEntries);
        var sitemaps = lines.Where(l => l.StartsWith("Sitemap:", StringComparison.OrdinalIgnoreCase)).Select(l => l["Sitemap:".Length..].Trim()).ToList();
        return sitemaps.Contains(sitemap.AbsoluteUri)
            ? []
            : [$"robots.txt has no 'Sitemap: {sitemap.AbsoluteUri}' line (it has: {string.Join(", ", sitemaps.DefaultIfEmpty("none"))})"];
    }

    /// <summary>
    /// A Netlify/Cloudflare-style _headers file whose rule for the site's path sends the same
    /// Content-Security-Policy as the pages' &lt;meta&gt;. Returns the problems.
    /// </summary>
    public static IReadOnlyList<string> HeadersFileProblems(string headers, string basePath, string metaPolicy)
    {
        string? rule = null;
        string? policy = null;
        foreach (var raw in headers.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                rule = line.Trim();
            }
            else if (policy is null && rule is not null && Covers(rule, basePath)
                && line.Trim().StartsWith("Content-Security-Policy:", StringComparison.OrdinalIgnoreCase))
            {
                policy = line.Trim()["Content-Security-Policy:".Length..].Trim();
            }
        }

        return policy is null
            ? [$"_headers has no Content-Security-Policy for {basePath}*"]
            : Csp.Differences(policy, metaPolicy).ToList();
    }

    private static bool Covers(string rule, string basePath) =>
        rule.EndsWith('*') && basePath.StartsWith(rule[..^1], StringComparison.Ordinal);

    private static void RequireAtomBasics(XElement element, string name, List<string> problems)
    {
        foreach (var child in new[] { "id", "title", "updated" })
        {
            if (string.IsNullOrWhiteSpace(element.Element(AtomNs + child)?.Value))
            {
                problems.Add($"{name} has no <{child}>");
            }
        }

        var updated = element.Element(AtomNs + "updated")?.Value;
        if (updated is not null && !DateTimeOffset.TryParseExact(updated.Trim(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"{name}'s <updated>{updated}</updated> is not an RFC 3339 date-time");
        }

        var id = element.Element(AtomNs + "id")?.Value.Trim();
        if (id is not null && !Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            problems.Add($"{name}'s <id>{id}</id> is not an absolute IRI");
        }
    }

    private static XDocument? Load(string xml)
    {
        try
        {
            return XDocument.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
