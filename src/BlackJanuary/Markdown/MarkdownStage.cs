using BlackJanuary.Checks;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;

namespace BlackJanuary.Markdown;

/// <summary>
/// Renders every page body and timeline event body to HTML. Links to other Markdown files
/// ("about.md") become page URLs, and internal links that lead nowhere are reported.
/// </summary>
public static class MarkdownStage
{
    public static Site Render(Site site, DiagnosticBag diagnostics)
    {
        var pipeline = MarkdownPipelineFactory.Create(site.Config.UnsafeHtml);

        // Parse everything first: links may point at any page's headings, which exist only once parsed.
        var parsed = site.Pages.AsParallel().AsOrdered()
            .Select(p => (Page: p, Doc: Parse(p.Markdown, pipeline, p.BodyLocation, diagnostics)))
            .ToList();
        var headingIds = parsed.ToDictionary(
            x => x.Page.Path,
            x => (IReadOnlyCollection<string>)(x.Doc?.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet() ?? []));
        var targets = new LinkTargets(site, headingIds);

        var pages = parsed.AsParallel().AsOrdered()
            .Select(x => x.Page with { ContentHtml = x.Doc is null ? "" : ToHtml(x.Doc, x.Page, x.Page.BodyLocation, site, targets, pipeline, diagnostics) })
            .ToList();

        // Event bodies are written as if on the timeline page, so their relative links resolve from there.
        var timeline = site.Timeline.AsParallel().AsOrdered()
            .Select(e => e with
            {
                BodyHtml = e.BodyMarkdown.Length == 0 || Parse(e.BodyMarkdown, pipeline, e.Location, diagnostics) is not { } doc
                    ? ""
                    : ToHtml(doc, site.TimelinePage, e.Location, site, targets, pipeline, diagnostics),
            })
            .ToList();
        return site with { Pages = pages, Timeline = timeline };
    }

    /// <summary>Markdig refuses input nested past its limits (128 levels) by throwing; that is bad content, not a crash.</summary>
    private static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline, SourceLocation at, DiagnosticBag diagnostics)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException e)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at, $"the Markdown cannot be read: {e.Message}; reduce the nesting of quotes, lists or emphasis");
            return null;
        }
    }

    /// <summary>
    /// Markdig writes table column alignment as style attributes, which the site's CSP (no inline
    /// style) blocks; a class per alignment keeps the alignment and the policy.
    /// </summary>
    private static void MoveAlignmentToClasses(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            var index = 0;
            foreach (var cell in row.OfType<TableCell>())
            {
                var at = cell.ColumnIndex >= 0 ? cell.ColumnIndex : index;
                index += Math.Max(1, cell.ColumnSpan);
                var column = at < table.ColumnDefinitions.Count ? table.ColumnDefinitions[at] : null;
                if (column?.Alignment is { } alignment)
                {
                    cell.GetAttributes().AddClass("align-" + alignment.ToString().ToLowerInvariant());
                }
            }
        }

        foreach (var column in table.ColumnDefinitions)
        {
            column.Alignment = null;
        }
    }

    private static bool HasUnsafeScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
        var scheme = new string(url[..colon].Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return scheme is "javascript" or "vbscript" or "data";
    }

    private static string ToHtml(MarkdownDocument doc, Page? page, SourceLocation at, Site site, LinkTargets targets, MarkdownPipeline pipeline, DiagnosticBag diagnostics)
    {
        // One walk over the document does every rewrite: links, table alignment, attributes.
        foreach (var node in doc.Descendants())
        {
            // Autolinks (<https://…>) are links too: they are checked the same way.
            var (url, line, column) = node switch
            {
                LinkInline l => (l.Url, l.Line, l.Column),
                AutolinkInline a when !a.IsEmail => (a.Url, a.Line, a.Column),
                _ => (null, 0, 0),
            };
            if (url is not null)
            {
                // Lines inside a YAML block scalar are not file lines; point at the event then.
                var location = at.Line == 0 || page?.SourcePath != at.File ? at : new SourceLocation(at.File, at.Line + line, column + 1);
                var rewritten = CheckLink(url, node is LinkInline { IsImage: true }, page, location, site, targets, diagnostics);
                switch (node)
                {
                    case LinkInline l:
                        l.Url = rewritten;
                        break;
                    case AutolinkInline a:
                        a.Url = rewritten;
                        break;
                }
            }

            if (node is Table table)
            {
                MoveAlignmentToClasses(table);
            }

            // '{#id .class}' after a heading is for stable anchors and styling; any other attribute
            // ('{onclick=…}', '{style=…}') is raw HTML by another name, and is dropped like raw HTML is.
            if (!site.Config.UnsafeHtml && node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                properties.Clear();
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        try
        {
            renderer.Render(doc);
        }
        catch (ArgumentException e)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at, $"the Markdown cannot be rendered: {e.Message}; reduce the nesting of quotes, lists or emphasis");
            return "";
        }

        return writer.ToString();
    }

    /// <summary>Reports what is wrong with a link and returns the URL to write in its place.</summary>
    private static string CheckLink(string url, bool isImage, Page? page, SourceLocation location, Site site, LinkTargets targets, DiagnosticBag diagnostics)
    {
        if (!site.Config.UnsafeHtml && HasUnsafeScheme(url))
        {
            diagnostics.Error(DiagnosticCodes.UnsafeLink, location,
                $"link '{url}' would run code in the reader's browser; link to an http(s) address or a page instead");
            return "";
        }

        var resolution = targets.Resolve(page, url);
        if (resolution.Problem is not null)
        {
            diagnostics.Warning(DiagnosticCodes.BrokenLink, location, $"broken link '{url}': {resolution.Problem}; fix the link or the target");
            return url;
        }

        if (resolution.IsExternal)
        {
            if (isImage && !site.Config.UnsafeHtml && url.Length > 0)
            {
                diagnostics.Error(DiagnosticCodes.ThirdPartyImage, location,
                    $"image '{url}' is on another site; put the file in content/media/ and link it as /media/… (the site loads nothing from elsewhere)");
            }

            return url;
        }

        return url.StartsWith('#')
            ? url
            : site.Config.PathFor(resolution.Path) + resolution.Query + (resolution.Fragment.Length > 0 ? "#" + resolution.Fragment : "");
    }
}
