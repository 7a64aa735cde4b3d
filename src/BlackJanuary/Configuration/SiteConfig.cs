using BlackJanuary.Model;

namespace BlackJanuary.Configuration;

/// <summary>Settings from content/site.yaml, with command-line overrides applied.</summary>
public sealed record SiteConfig(
    string Title,
    string Tagline,
    string Description,
    Uri BaseUrl,
    string Language,
    string Author,
    string Image,
    IReadOnlyList<NavItem>? Nav,
    RawHtml RawHtml,
    string SourceFile)
{
    /// <summary>The path part of <see cref="BaseUrl"/>, always ending in "/" ("/memorial/").</summary>
    public string BasePath => BaseUrl.AbsolutePath;

    /// <summary>
    /// The root-relative URL of a site path ("timeline/" → "/memorial/timeline/"). Root-relative
    /// rather than relative, because 404.html is served at whatever URL was missing.
    /// </summary>
    public string PathFor(string sitePath) => Urls.IsExternal(sitePath) ? sitePath : BasePath + Urls.EncodePath(sitePath.TrimStart('/'));

    /// <summary>The absolute URL of a site path, for canonical links, feeds and sitemaps.</summary>
    public string AbsoluteUrlFor(string sitePath) =>
        Urls.IsExternal(sitePath) ? sitePath : BaseUrl.GetLeftPart(UriPartial.Authority) + PathFor(sitePath);
}

/// <summary>What the build does with raw HTML in Markdown (markdown.unsafe_html and markdown.trusted_html in site.yaml).</summary>
public enum RawHtml
{
    /// <summary>Written as text, the default: content may come from strangers' pull requests.</summary>
    Escaped,

    /// <summary>
    /// Allowed, then sanitised (unsafe_html): ordinary markup stays, anything that could run code,
    /// load from elsewhere or break the CSP is removed with a warning.
    /// </summary>
    Sanitized,

    /// <summary>Written as it is (trusted_html), for a site whose owner writes every word of it.</summary>
    Trusted,
}
