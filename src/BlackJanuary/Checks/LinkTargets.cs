using BlackJanuary.Model;

namespace BlackJanuary.Checks;

/// <summary>
/// Everything an internal link may point at: site-relative paths and the anchors inside them.
/// Built once per build so that every link of every page is checked against the same index.
/// </summary>
public sealed class LinkTargets
{
    private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Page> _pagesBySource = new(StringComparer.Ordinal);

    /// <summary>Files the output stage always writes besides pages.</summary>
    public static readonly IReadOnlyList<string> SiteFiles = ["feed.xml", "sitemap.xml", "robots.txt"];

    public LinkTargets(Site site, IReadOnlyDictionary<Page, IReadOnlyCollection<string>> headingIds)
    {
        foreach (var page in site.Pages)
        {
            var anchors = new HashSet<string>(headingIds.TryGetValue(page, out var ids) ? ids : [], StringComparer.Ordinal);
            if (page.Layout == "timeline")
            {
                anchors.UnionWith(site.Timeline.Select(e => e.Id));
            }

            _anchors[page.Path] = anchors;
            _pagesBySource[Path.GetFullPath(page.SourcePath)] = page;
        }

        foreach (var file in site.Media.Select(m => m.OutputPath).Concat(SiteFiles))
        {
            _anchors[file] = [];
        }
    }

    public Page? PageAt(string sourceFile) => _pagesBySource.GetValueOrDefault(Path.GetFullPath(sourceFile));

    /// <summary>
    /// Resolves a link written in <paramref name="fromPage"/>'s Markdown. Returns the site-relative
    /// target path (plus "#fragment") or null with the reason the link is broken. External links and
    /// links the site cannot know (mailto:) come back as they are, flagged external.
    /// </summary>
    public LinkResolution Resolve(Page fromPage, string url)
    {
        if (url.Length == 0 || Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme is not "file" || url.StartsWith("//", StringComparison.Ordinal))
        {
            return LinkResolution.External(url);
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var beforeHash = hash >= 0 ? url[..hash] : url;
        var fragment = hash >= 0 ? url[(hash + 1)..] : "";
        var queryAt = beforeHash.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? beforeHash[queryAt..] : "";
        var pathPart = Uri.UnescapeDataString(queryAt >= 0 ? beforeHash[..queryAt] : beforeHash);

        string target;
        if (pathPart.Length == 0)
        {
            target = fromPage.Path;
        }
        else if (pathPart.EndsWith(".md", StringComparison.Ordinal) && !pathPart.StartsWith('/'))
        {
            var sourceFile = Path.Combine(Path.GetDirectoryName(fromPage.SourcePath) ?? "", pathPart);
            var page = PageAt(sourceFile);
            if (page is null)
            {
                return LinkResolution.Broken($"there is no page {pathPart} (or it is a draft)");
            }

            target = page.Path;
        }
        else
        {
            var combined = pathPart.StartsWith('/') ? pathPart : "/" + fromPage.Path + pathPart;
            var normalized = Normalize(combined);
            if (normalized is null)
            {
                return LinkResolution.Broken("it leads outside the site");
            }

            target = normalized;
        }

        var key = _anchors.ContainsKey(target) ? target : _anchors.ContainsKey(target + "/") ? target + "/" : null;
        if (key is null)
        {
            return LinkResolution.Broken($"nothing in the site is published at /{target}");
        }

        if (fragment.Length > 0 && !_anchors[key].Contains(Uri.UnescapeDataString(fragment)))
        {
            return LinkResolution.Broken($"/{key} has no anchor #{fragment}");
        }

        return LinkResolution.Internal(key, query, fragment);
    }

    /// <summary>Percent-encodes each segment of a site path for use in an href.</summary>
    public static string Encode(string sitePath) => string.Join('/', sitePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Resolves "." and ".." in a rooted path; null when it climbs above the root.</summary>
    private static string? Normalize(string rooted)
    {
        var parts = new List<string>();
        var segments = rooted.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != "." && (segment.Length > 0 || i == segments.Length - 1))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }
}

public sealed record LinkResolution(bool IsExternal, string Path, string Query, string Fragment, string? Problem)
{
    public static LinkResolution External(string url) => new(true, url, "", "", null);

    public static LinkResolution Internal(string path, string query, string fragment) => new(false, path, query, fragment, null);

    public static LinkResolution Broken(string problem) => new(false, "", "", "", problem);
}
