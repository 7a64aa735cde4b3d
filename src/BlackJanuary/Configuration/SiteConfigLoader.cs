using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Configuration;

public static class SiteConfigLoader
{
    private static readonly string[] Keys = ["title", "tagline", "description", "base_url", "language", "author", "image", "nav", "markdown"];
    private static readonly string[] MarkdownKeys = ["unsafe_html", "trusted_html"];
    private static readonly string[] NavKeys = ["title", "url"];

    /// <summary>Reads site.yaml; <paramref name="baseUrlOverride"/> (from --base-url) wins over the file.</summary>
    public static SiteConfig? Load(string file, string? baseUrlOverride, DiagnosticBag diagnostics)
    {
        if (!File.Exists(file))
        {
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(file),
                "site.yaml not found; every content folder needs one with at least 'title' and 'base_url'");
            return null;
        }

        var text = TextFile.Read(file, diagnostics);
        var root = text is null ? null : YamlDocument.Parse(text, file, 1, diagnostics);
        var fields = root is null ? null : YamlFields.Of(root, file, 1, diagnostics, "site.yaml");
        if (fields is null)
        {
            return null;
        }

        var title = fields.Text("title", required: true);
        var baseUrl = baseUrlOverride is null
            ? ParseBaseUrl(fields.Text("base_url", required: true), fields.ValueLocationOf("base_url"), diagnostics)
            : ParseBaseUrl(baseUrlOverride, new SourceLocation("--base-url"), diagnostics);
        var markdown = fields.Map("markdown");
        var unsafeHtml = markdown?.Bool("unsafe_html") ?? false;
        var trustedHtml = markdown?.Bool("trusted_html") ?? false;
        markdown?.WarnUnknownKeys(MarkdownKeys);
        var nav = fields.Has("nav") ? LoadNav(fields.List("nav"), file, diagnostics) : null;
        var tagline = fields.Text("tagline") ?? "";
        var description = fields.Text("description") ?? "";
        var language = fields.Text("language") ?? "en";
        var author = fields.Text("author");
        var image = RefuseCode(fields.Text("image"), "image", fields.ValueLocationOf("image"), diagnostics) ?? "";
        fields.WarnUnknownKeys(Keys);

        if (title is null || baseUrl is null)
        {
            return null;
        }

        return new SiteConfig(
            Title: title,
            Tagline: tagline,
            Description: description,
            BaseUrl: baseUrl,
            Language: language,
            Author: author ?? title,
            Image: image,
            Nav: nav,
            RawHtml: trustedHtml ? RawHtml.Trusted : unsafeHtml ? RawHtml.Sanitized : RawHtml.Escaped,
            SourceFile: file);
    }

    private static Uri? ParseBaseUrl(string? text, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
        {
            // Links are built by appending to the base, so its path must end in a slash.
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
        }

        diagnostics.Error(DiagnosticCodes.InvalidValue, at,
            $"base_url '{text}' is not an absolute http(s) URL; write it like https://example.org/ or https://example.github.io/memorial/");
        return null;
    }

    /// <summary>
    /// Null (after reporting) for a URL that would run code in the reader's browser: nav URLs are
    /// links, and the share image is written into every page's head and JSON-LD.
    /// </summary>
    private static string? RefuseCode(string? url, string what, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (url is null || !Urls.RunsCode(url))
        {
            return url;
        }

        diagnostics.Error(DiagnosticCodes.UnsafeLink, at,
            $"{what} '{url}' would run code in the reader's browser; write a site path (like 'about/') or an http(s) address instead");
        return null;
    }

    private static List<NavItem> LoadNav(IReadOnlyList<YamlDotNet.RepresentationModel.YamlNode> items, string file, DiagnosticBag diagnostics)
    {
        var nav = new List<NavItem>();
        foreach (var item in items)
        {
            var fields = YamlFields.Of(item, file, 1, diagnostics, "a nav entry");
            if (fields is null)
            {
                continue;
            }

            var title = fields.Text("title", required: true);
            // Required, but "" is a value: it is the home page (docs/content.md, Navigation).
            var url = RefuseCode(fields.Text("url", required: !fields.Has("url")), "nav url", fields.ValueLocationOf("url"), diagnostics);
            fields.WarnUnknownKeys(NavKeys);
            if (title is not null && url is not null)
            {
                nav.Add(new NavItem(title, url.TrimStart('/')));
            }
        }

        return nav;
    }
}
