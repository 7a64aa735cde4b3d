using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using Ganss.Xss;

namespace BlackJanuary.Markdown;

/// <summary>
/// Cleans a rendered body when the site allows raw HTML (markdown.unsafe_html): ordinary text
/// markup stays; scripts, styles, frames, objects, forms, event handlers, inline style, URLs that
/// run code and images from other sites go, each removal a warning at the page or event. Markdown's
/// own output uses only allowed markup, so it comes through with the same meaning.
/// </summary>
internal static class RawHtmlSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ];

    // No style: the site's Content-Security-Policy blocks inline style, and no event handler runs code.
    private static readonly string[] Attributes =
    [
        "id", "class", "title", "lang", "dir", "href", "src", "alt", "width", "height", "cite", "datetime", "open",
        "start", "reversed", "type", "colspan", "rowspan", "scope", "abbr",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "cite"];

    /// <summary>Relative URLs (site paths, anchors) have no scheme and are kept.</summary>
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private const string TagRule =
        "raw HTML may only contain text markup (paragraphs, links, emphasis, lists, tables, figures, images, headings, quotes, code, details), "
        + "not scripts, styles, frames, objects, embeds or forms; see docs/content.md#raw-html";

    private static readonly string AttributeRule =
        $"raw HTML may only contain the attributes {string.Join(", ", Attributes)}: no event handlers (they run code), and no style "
        + "(the site's Content-Security-Policy blocks it; give the element a class instead)";

    private const string UrlRule =
        "raw HTML may only link to http:, https: and mailto: addresses and to site paths, and only show images that are files of the site (/media/…)";

    private static readonly HtmlSanitizerOptions Options = CreateOptions();

    private static HtmlSanitizerOptions CreateOptions()
    {
        // Built from empty rather than from the library's defaults, so that this file is the whole policy.
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(Tags);
        options.AllowedAttributes.UnionWith(Attributes);
        options.UriAttributes.UnionWith(UrlAttributes);
        options.AllowedSchemes.UnionWith(Schemes);
        return options;
    }

    /// <summary>The body without what raw HTML may not contain; what was removed is reported at <paramref name="at"/>.</summary>
    public static string Clean(string html, SourceLocation at, DiagnosticBag diagnostics)
    {
        var removed = new List<(string What, string Rule)>();
        // One sanitiser per body: its events report into this body's list while bodies render in parallel.
        var sanitizer = new HtmlSanitizer(Options);
        sanitizer.RemovingTag += (_, e) =>
        {
            // An element inside one already removed went with it; only the outermost is news.
            if (e.Tag.Owner?.Contains(e.Tag) == true)
            {
                removed.Add(($"<{e.Tag.LocalName}>", TagRule));
            }
        };
        sanitizer.RemovingAttribute += (_, e) => removed.Add(e.Reason == RemoveReason.NotAllowedUrlValue
            ? ($"{e.Attribute.Name}=\"{Shorten(e.Attribute.Value)}\" of <{e.Tag.LocalName}>", UrlRule)
            : ($"the {e.Attribute.Name} attribute of <{e.Tag.LocalName}>", AttributeRule));
        // Judged and written as a browser reads it ("/\\host", "java\tscript:"), which the library does not do;
        // and the site loads nothing from elsewhere (DESIGN: no third-party request), as for Markdown images.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url)
            {
                var normalized = Urls.Normalize(url);
                var refused = Urls.RunsCode(normalized) || (Urls.SchemeOf(normalized) is { } scheme && !Schemes.Contains(scheme))
                    || (e.Tag.LocalName == "img" && Urls.IsExternal(normalized));
                e.SanitizedUrl = refused ? null : normalized;
            }
        };

        // Comments are removed without a word: readers never saw them.
        var clean = sanitizer.Sanitize(html);
        foreach (var group in removed.GroupBy(r => r))
        {
            var count = group.Count();
            diagnostics.Warning(DiagnosticCodes.RawHtmlRemoved, at,
                $"removed {group.Key.What} from the raw HTML{(count > 1 ? $" ({count} times)" : "")}; {group.Key.Rule}");
        }

        return clean;
    }

    /// <summary>A value fit for a one-line message: white space collapsed, long values cut.</summary>
    private static string Shorten(string value)
    {
        var oneLine = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 60 ? oneLine : oneLine[..59] + "…";
    }
}
