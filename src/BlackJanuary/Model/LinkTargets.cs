namespace BlackJanuary.Model;

/// <summary>
/// Everything an internal link may point at: the site-relative paths of pages, media and site
/// files. Content links and theme links are checked against this one index; the anchors inside
/// pages are checked apart (<see cref="Anchors"/>), once every page's headings are known.
/// </summary>
public sealed class LinkTargets
{
    private readonly Index _index;
    private readonly IReadOnlyList<Page> _pages;
    private readonly string _defaultLanguage;

    /// <summary>The published paths, and the place in the site's pages of each page by its path and by its file.</summary>
    private sealed class Index(HashSet<string> paths, Dictionary<string, int> byPath, Lazy<Dictionary<string, int>> bySource)
    {
        public HashSet<string> Paths => paths;

        public Dictionary<string, int> ByPath => byPath;

        // Full paths cost a system call each: made on the first lookup by file, which most builds never make.
        public Lazy<Dictionary<string, int>> BySource => bySource;
    }

    /// <param name="site">The site whose pages, media and site files may be linked.</param>
    public LinkTargets(Site site)
    {
        var paths = new HashSet<string>(site.Pages.Count + site.Media.Count + site.Config.Languages.Count + 2, StringComparer.Ordinal);
        var byPath = new Dictionary<string, int>(site.Pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < site.Pages.Count; i++)
        {
            paths.Add(site.Pages[i].Path);
            byPath[site.Pages[i].Path] = i;
        }

        var pages = site.Pages;
        paths.UnionWith(site.Media.Select(m => m.OutputPath).Concat(GeneratedFiles.Linkable(site.Config, site.HasRegister)));
        _index = new Index(paths, byPath, new(() => BySource(pages)));
        (_pages, _defaultLanguage) = (pages, site.Config.Language);
    }

    /// <summary>
    /// Each file's first page: a person's record makes a page in every language, and people.csv
    /// makes every person's, while a link to the file means the page in its own language.
    /// </summary>
    private static Dictionary<string, int> BySource(IReadOnlyList<Page> pages)
    {
        var bySource = new Dictionary<string, int>(pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            bySource.TryAdd(Path.GetFullPath(pages[i].SourcePath), i);
        }

        return bySource;
    }

    private LinkTargets(Index index, IReadOnlyList<Page> pages, string defaultLanguage) => (_index, _pages, _defaultLanguage) = (index, pages, defaultLanguage);

    /// <summary>
    /// These targets for a later build of the site in which every page, medium and site file has
    /// the same path and file, in the same order: the pages found are that build's pages.
    /// </summary>
    public LinkTargets For(Site site) => ReferenceEquals(site.Pages, _pages) ? this : new(_index, site.Pages, site.Config.Language);

    public Page? PageAt(string sourceFile) => _index.BySource.Value.TryGetValue(Path.GetFullPath(sourceFile), out var i) ? _pages[i] : null;

    /// <summary>
    /// The page a link to a Markdown file means from a page in <paramref name="language"/>: the
    /// file's translation into that language when there is one ("sources.md" from about.ru.md is
    /// sources.ru.md), else the file itself. Editors write links once, without language codes.
    /// </summary>
    private Page? TranslationAt(string sourceFile, string language)
    {
        var stem = sourceFile[..^".md".Length];
        // The default language's file may carry its code too (sources.az.md): "sources.md" still means it.
        return PageAt(stem + "." + language + ".md") ?? PageAt(sourceFile) ?? PageAt(stem + "." + _defaultLanguage + ".md");
    }

    /// <summary>The page published at a site path ("about/", "/about", "about"), if any.</summary>
    public Page? PageAtPath(string sitePath) =>
        Find(Normalize("/" + Uri.UnescapeDataString(sitePath.TrimStart('/'))) ?? "") is { } key && _index.ByPath.TryGetValue(key, out var i) ? _pages[i] : null;

    /// <summary>
    /// Resolves a link written in <paramref name="fromPage"/>'s Markdown, or a site path from a
    /// template when <paramref name="fromPage"/> is null. External links (any scheme, "//host")
    /// come back as they are, flagged external. The fragment is not checked here: see <see cref="Anchors"/>.
    /// </summary>
    public LinkResolution Resolve(Page? fromPage, string written)
    {
        // Where the link leads is where a browser takes it: "/\host" is another site, not a path.
        var url = Urls.Normalize(written);
        if (url.Length == 0 || Urls.IsExternal(url))
        {
            return LinkResolution.External(url);
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var beforeHash = hash >= 0 ? url[..hash] : url;
        var fragment = hash >= 0 ? url[(hash + 1)..] : "";
        var queryAt = beforeHash.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? beforeHash[queryAt..] : "";
        var pathPart = Uri.UnescapeDataString(queryAt >= 0 ? beforeHash[..queryAt] : beforeHash);
        var from = fromPage?.Path ?? "";

        string target;
        if (pathPart.Length == 0)
        {
            target = from;
        }
        else if (fromPage is not null && pathPart.EndsWith(".md", StringComparison.Ordinal) && !pathPart.StartsWith('/'))
        {
            var page = TranslationAt(Path.Combine(Path.GetDirectoryName(fromPage.SourcePath) ?? "", pathPart), fromPage.Language);
            if (page is null)
            {
                return LinkResolution.Broken($"there is no page {pathPart} (or it is a draft)");
            }

            target = page.Path;
        }
        else
        {
            // 'media/x.jpg' names content/media/x.jpg from any page, however deep, as it does in front matter: pages have no media of their own.
            var rooted = pathPart.StartsWith('/') || fromPage is null || pathPart.StartsWith("media/", StringComparison.Ordinal);
            var normalized = Normalize(rooted ? "/" + pathPart.TrimStart('/') : "/" + from + pathPart);
            if (normalized is null)
            {
                return LinkResolution.Broken("it leads outside the site");
            }

            target = normalized;
        }

        return Find(target) is { } key
            ? LinkResolution.Internal(key, query, fragment)
            : LinkResolution.Broken($"nothing in the site is published at /{target}");
    }

    /// <summary>The published path a normalized path means: itself, or the page folder without its slash.</summary>
    private string? Find(string target) =>
        _index.Paths.Contains(target) ? target : _index.Paths.Contains(target + "/") ? target + "/" : null;

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
