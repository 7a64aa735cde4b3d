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
            .Select(p => (Page: p, Doc: Markdig.Markdown.Parse(p.Markdown, pipeline)))
            .ToList();
        var headingIds = parsed.ToDictionary(
            x => x.Page,
            x => (IReadOnlyCollection<string>)x.Doc.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet());
        var targets = new LinkTargets(site, headingIds);
        var timelinePage = site.Pages.FirstOrDefault(p => p.Layout == "timeline");

        var pages = parsed.AsParallel().AsOrdered()
            .Select(x => x.Page with { ContentHtml = ToHtml(x.Doc, x.Page, x.Page.BodyLocation, site, targets, pipeline, diagnostics) })
            .ToList();

        // Event bodies are written as if on the timeline page, so their relative links resolve from there.
        var linkBase = timelinePage ?? new Page("", "", null, "", "timeline", default, false, "timeline/", "", "", null, "", "", default);
        var timeline = site.Timeline.AsParallel().AsOrdered()
            .Select(e => e with
            {
                BodyHtml = e.BodyMarkdown.Length == 0 ? "" : ToHtml(Markdig.Markdown.Parse(e.BodyMarkdown, pipeline), linkBase, e.Location, site, targets, pipeline, diagnostics),
            })
            .ToList();
        return site with { Pages = pages, Timeline = timeline };
    }

    /// <summary>
    /// Markdig writes table column alignment as style attributes, which the site's CSP (no inline
    /// style) blocks; a class per alignment keeps the alignment and the policy.
    /// </summary>
    private static void MoveAlignmentToClasses(MarkdownDocument doc)
    {
        foreach (var table in doc.Descendants<Table>())
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
    }

    /// <summary>
    /// '{#id .class}' after a heading is for stable anchors and styling; any other attribute
    /// ('{onclick=…}', '{style=…}') is raw HTML by another name, and is dropped like raw HTML is.
    /// </summary>
    private static void KeepOnlyIdsAndClasses(MarkdownDocument doc)
    {
        foreach (var node in doc.Descendants())
        {
            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                properties.Clear();
            }
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

    private static string ToHtml(MarkdownDocument doc, Page page, SourceLocation at, Site site, LinkTargets targets, MarkdownPipeline pipeline, DiagnosticBag diagnostics)
    {
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (link.Url is null || link.IsAutoLink)
            {
                continue;
            }

            // Lines inside a YAML block scalar are not file lines; point at the event then.
            var location = at.Line == 0 || page.SourcePath != at.File
                ? at
                : new SourceLocation(at.File, at.Line + link.Line, link.Column + 1);
            if (!site.Config.UnsafeHtml && HasUnsafeScheme(link.Url))
            {
                diagnostics.Error(DiagnosticCodes.UnsafeLink, location,
                    $"link '{link.Url}' would run code in the reader's browser; link to an http(s) address or a page instead");
                link.Url = "";
                continue;
            }

            var resolution = targets.Resolve(page, link.Url);
            if (resolution.Problem is not null)
            {
                diagnostics.Warning(DiagnosticCodes.BrokenLink, location, $"broken link '{link.Url}': {resolution.Problem}; fix the link or the target");
            }
            else if (!resolution.IsExternal && !link.Url.StartsWith('#'))
            {
                link.Url = site.Config.PathFor(LinkTargets.Encode(resolution.Path)) + resolution.Query
                    + (resolution.Fragment.Length > 0 ? "#" + resolution.Fragment : "");
            }
        }

        MoveAlignmentToClasses(doc);
        if (!site.Config.UnsafeHtml)
        {
            KeepOnlyIdsAndClasses(doc);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(doc);
        return writer.ToString();
    }
}
