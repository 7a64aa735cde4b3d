using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>
/// Checks of a page's HTML source (parsed as a browser would, without running it). Each returns
/// its problems as readable lines; an empty list means the page passes.
/// </summary>
public static class MarkupChecks
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The policy in &lt;meta http-equiv="Content-Security-Policy"&gt;, or null.</summary>
    public static string? MetaContentSecurityPolicy(IDocument page) => PolicyMeta(page)?.GetAttribute("content");

    /// <summary>
    /// Stylesheets and scripts above the policy's &lt;meta&gt;: a policy in a meta tag only governs
    /// what the parser meets after it, so these would load unchecked.
    /// </summary>
    public static IReadOnlyList<string> ResourcesBeforePolicy(IDocument page)
    {
        var meta = PolicyMeta(page);
        return meta is null
            ? []
            : page.QuerySelectorAll("link[rel~=stylesheet], link[rel~=preload], link[rel~=modulepreload], script[src], style")
                .Where(e => e.CompareDocumentPosition(meta).HasFlag(DocumentPositions.Following))
                .Select(e => $"<{e.LocalName} {(e.GetAttribute("href") ?? e.GetAttribute("src") ?? "")}> comes before the Content-Security-Policy <meta>, so the policy does not govern it")
                .ToList();
    }

    /// <summary>A policy that keeps scripts to the site's own files: script-src 'self' and nothing unsafe.</summary>
    public static IReadOnlyList<string> ContentSecurityPolicyProblems(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return ["no <meta http-equiv=\"Content-Security-Policy\"> in <head>"];
        }

        var directives = Csp.Parse(policy);
        var problems = new List<string>();
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        if (scripts is null || !scripts.Contains("'self'"))
        {
            problems.Add($"the policy has no script-src 'self': {policy}");
        }

        // Any of these would let injected or third-party script and style run again; WebAssembly
        // compiled at run time too (Pagefind's search asks for 'wasm-unsafe-eval', ours does not).
        string[] unsafeSources = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "*", "data:", "http:", "https:"];
        foreach (var name in new[] { "default-src", "script-src", "style-src" })
        {
            if (directives.TryGetValue(name, out var sources))
            {
                problems.AddRange(unsafeSources.Where(sources.Contains).Select(source => $"{name} allows {source}"));
            }
        }

        return problems;
    }

    /// <summary>Scripts written into the page: a strict policy blocks them. JSON-LD is data, not script, and is allowed.</summary>
    public static IReadOnlyList<string> InlineScripts(IDocument page) => page.QuerySelectorAll("script:not([src])")
        .Where(s => !string.Equals(s.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
        .Select(s => $"inline <script>{Shorten(s.TextContent)}</script>")
        .ToList();

    /// <summary>onclick= and the like: inline script that a strict policy blocks.</summary>
    public static IReadOnlyList<string> InlineEventHandlers(IDocument page) => page.All
        .SelectMany(e => e.Attributes
            .Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            .Select(a => $"<{e.LocalName}> has an inline event handler {a.Name}=\"{Shorten(a.Value)}\""))
        .ToList();

    /// <summary>style= attributes and &lt;style&gt; elements, which style-src 'self' blocks.</summary>
    public static IReadOnlyList<string> InlineStyles(IDocument page) => page.All
        .Where(e => e.HasAttribute("style"))
        .Select(e => $"<{e.LocalName}> has a style=\"{Shorten(e.GetAttribute("style"))}\" attribute")
        .Concat(page.QuerySelectorAll("style").Select(s => $"inline <style>{Shorten(s.TextContent)}</style>"))
        .ToList();

    /// <summary>
    /// What search engines and social sites read from &lt;head&gt;. A page marked noindex (the 404
    /// page, shown at any missing URL) has no URL of its own and so no canonical link.
    /// </summary>
    public static IReadOnlyList<string> HeadProblems(IDocument page)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Require(!string.IsNullOrWhiteSpace(page.DocumentElement.GetAttribute("lang")), "<html> has no lang");
        Require(!string.IsNullOrWhiteSpace(Title(page)), "no <title>");
        Require(!string.IsNullOrWhiteSpace(Description(page)), "no <meta name=\"description\">");
        var noindex = Meta(page, "name", "robots")?.Contains("noindex", StringComparison.OrdinalIgnoreCase) == true;
        var canonical = Canonical(page);
        if (!noindex || canonical is not null)
        {
            Require(IsAbsoluteHttp(canonical), $"<link rel=\"canonical\"> is missing or not an absolute URL: '{canonical}'");
        }

        Require(!string.IsNullOrWhiteSpace(Meta(page, "property", "og:title")), "no og:title");
        Require(!string.IsNullOrWhiteSpace(Meta(page, "property", "og:description")), "no og:description");
        var image = Meta(page, "property", "og:image");
        Require(IsAbsoluteHttp(image), $"og:image is missing or not an absolute URL: '{image}'");
        Require(!string.IsNullOrWhiteSpace(Meta(page, "name", "twitter:card")), "no twitter:card");
        Require(Favicon(page) is not null, "no <link rel=\"icon\">");
        Require(!string.IsNullOrWhiteSpace(Meta(page, "name", "theme-color")), "no <meta name=\"theme-color\">");
        return problems;
    }

    public static string? Title(IDocument page) => page.Head?.QuerySelector("title")?.TextContent.Trim();

    public static string? Description(IDocument page) => Meta(page, "name", "description");

    public static string? Canonical(IDocument page) => LinkHref(page, "canonical");

    public static string? Favicon(IDocument page) => LinkHref(page, "icon");

    /// <summary>The content of the first &lt;meta&gt; whose <paramref name="attribute"/> (name or property) is <paramref name="key"/>.</summary>
    public static string? Meta(IDocument page, string attribute, string key) =>
        page.Head?.QuerySelectorAll("meta").FirstOrDefault(m => m.GetAttribute(attribute) == key)?.GetAttribute("content");

    /// <summary>
    /// Every JSON-LD item on the page (the items of an @graph counted one by one) and the blocks
    /// that are not valid JSON.
    /// </summary>
    public static (IReadOnlyList<JsonElement> Items, IReadOnlyList<string> Errors) JsonLd(IDocument page)
    {
        var items = new List<JsonElement>();
        var errors = new List<string>();
        foreach (var block in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(block.TextContent);
                var root = json.RootElement.Clone();
                var nodes = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
                foreach (var node in nodes)
                {
                    items.Add(node);
                    if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
                    {
                        items.AddRange(graph.EnumerateArray());
                    }
                }
            }
            catch (JsonException e)
            {
                errors.Add($"JSON-LD is not valid JSON ({e.Message}): {Shorten(block.TextContent)}");
            }
        }

        return (items, errors);
    }

    /// <summary>The schema.org type of a JSON-LD item ("Article"), or "" when it has none.</summary>
    public static string TypeOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString() ?? ""
            : "";

    private static IElement? PolicyMeta(IDocument page) =>
        page.Head?.QuerySelectorAll("meta[http-equiv]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase));

    private static string? LinkHref(IDocument page, string rel) =>
        page.Head?.QuerySelectorAll("link[rel][href]")
            .FirstOrDefault(l => (l.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Contains(rel, StringComparer.OrdinalIgnoreCase))
            ?.GetAttribute("href");

    private static bool IsAbsoluteHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string Shorten(string? text)
    {
        var t = (text ?? "").Trim().ReplaceLineEndings(" ");
        return t.Length <= 60 ? t : t[..57] + "...";
    }
}
