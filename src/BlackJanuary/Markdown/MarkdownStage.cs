using System.Collections.Concurrent;
using BlackJanuary.Checks;
using BlackJanuary.Configuration;
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
public static partial class MarkdownStage
{
    /// <param name="memo">Bodies rendered by earlier builds of this session; only what changed is rendered again.</param>
    public static Site Render(Site site, DiagnosticBag diagnostics, MarkdownMemo? memo = null)
    {
        memo ??= new MarkdownMemo();
        memo.UsePipeline(site.Config.RawHtml);
        var pipeline = MarkdownPipelineFactory.Create(allowHtml: site.Config.RawHtml != RawHtml.Escaped);
        RefuseCodeImages(site, diagnostics);

        // Parse everything first: links may point at any page's headings, which exist only once
        // parsed. A page whose Markdown is unchanged keeps the heading ids it had.
        var parsed = Remembered.Each(site.Pages,
            (p, i) => memo.ParsedAt(i, p)
                ?? (memo.Pages.TryGetValue(p.SourcePath, out var known) && known.IsFor(p.Markdown, p.BodyLocation) ? new Parsed(p, known.HeadingIds) : null),
            p => ParseWithIds(p, pipeline, memo.Pages.GetValueOrDefault(p.SourcePath)));
        var (context, targets) = memo.Links(ContextInputs.Of(site, parsed), () => new LinkTargets(site, parsed.ToDictionary(x => x.Page.Path, x => x.HeadingIds)));

        var pageBodies = Remembered.Each(parsed,
            (x, i) => memo.BodyAt(i, x, context) ?? Known(memo.Pages, x.Page.SourcePath, x.Page.Markdown, x.Page.BodyLocation, context),
            x => Rendered(memo.Pages, x.Page.SourcePath, x.Page.Markdown, x.Page.BodyLocation, context, (own, links) =>
            {
                var doc = Parse(x.Page.Markdown, pipeline, x.Page.BodyLocation, own);
                return (x.HeadingIds, doc is null ? "" : ToHtml(doc, x.Page, x.Page.BodyLocation, site, targets.Value, pipeline, own, links));
            }));
        var pages = new List<Page>(parsed.Length);
        for (var i = 0; i < parsed.Length; i++)
        {
            var body = pageBodies[i];
            diagnostics.AddRange(body.Diagnostics);
            pages.Add(body.Made(parsed[i].Page, p => p with { ContentHtml = body.Html, ExternalLinks = body.ExternalLinks }));
        }

        // Event bodies are written as if on the timeline page of their language, so their relative
        // links resolve from there, to pages in the same language.
        var eventKeys = new List<string>();
        var timelines = new Dictionary<string, IReadOnlyList<TimelineEvent>>(StringComparer.Ordinal);
        foreach (var (language, events) in site.Timelines)
        {
            var timelinePage = site.TimelinePageIn(language);
            var withBodies = events.Where(e => e.BodyMarkdown.Length > 0).ToList();
            var eventBodies = Remembered.Each(withBodies,
                (e, _) => Known(memo.Events, EventKey(e, language), e.BodyMarkdown, e.Location, context),
                e => Rendered(memo.Events, EventKey(e, language), e.BodyMarkdown, e.Location, context, (own, links) =>
                    ([], Parse(e.BodyMarkdown, pipeline, e.Location, own) is { } doc ? ToHtml(doc, timelinePage, e.Location, site, targets.Value, pipeline, own, links) : "")));
            var made = new Dictionary<TimelineEvent, TimelineEvent>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < withBodies.Count; i++)
            {
                var body = eventBodies[i];
                diagnostics.AddRange(body.Diagnostics);
                made[withBodies[i]] = body.Made(withBodies[i], e => e with { BodyHtml = body.Html, ExternalLinks = body.ExternalLinks });
            }

            timelines[language] = events.Select(e => made.GetValueOrDefault(e, e)).ToList();
            eventKeys.AddRange(withBodies.Select(e => EventKey(e, language)));
        }

        memo.Remember(site.Pages, parsed, pageBodies);
        memo.Keep(pages.Select(p => p.SourcePath).ToList(), eventKeys);
        return site with { Pages = pages, Timelines = timelines };
    }

    /// <summary>An event's body is remembered per language: each has its own text, and its own links.</summary>
    private static string EventKey(TimelineEvent e, string language) => language + "\n" + e.Id;

    /// <summary>
    /// A page's share image is a URL the theme writes into the page's head and JSON-LD; one that
    /// would run code is refused like such a link. (Event images must be site files: the loader checks them.)
    /// </summary>
    private static void RefuseCodeImages(Site site, DiagnosticBag diagnostics)
    {
        foreach (var page in site.Pages.Where(p => Urls.RunsCode(p.Image)))
        {
            // The front matter keeps no key positions, so the image is reported at the file's start.
            diagnostics.Error(DiagnosticCodes.UnsafeLink, new SourceLocation(page.SourcePath, 1, 1),
                $"image '{page.Image}' would run code in the reader's browser; use a file of content/media/ (media/photo.jpg) or an http(s) address instead");
        }
    }

    internal sealed record Parsed(Page Page, IReadOnlyCollection<string> HeadingIds);

    /// <summary>
    /// The heading ids of a page, from a parse that is then dropped: keeping every page's syntax
    /// tree until all are rendered held 10,000 trees at once, and their garbage collection cost
    /// more than parsing each page a second time (docs/performance.md).
    /// </summary>
    /// <param name="before">The page's body of the last build: its heading ids are kept if they are the same, so that the link context stays the same.</param>
    private static Parsed ParseWithIds(Page page, MarkdownPipeline pipeline, MarkdownMemo.Body? before)
    {
        // The render parses again and reports what the Markdown has wrong; this parse only counts headings.
        var doc = Parse(page.Markdown, pipeline, page.BodyLocation, new DiagnosticBag());
        var ids = doc?.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet() ?? [];
        return new Parsed(page, before is not null && ids.SetEquals(before.HeadingIds) ? before.HeadingIds : ids);
    }

    /// <summary>
    /// Everything a body's rendering reads besides its own Markdown: where links can lead, and
    /// how URLs are written. Two builds with the same inputs render the same Markdown alike.
    /// </summary>
    internal sealed record ContextInputs(
        Uri BaseUrl, RawHtml RawHtml, string TimelinePages,
        (string Path, string SourcePath, IReadOnlyCollection<string> HeadingIds)[] Pages, string[] Events, string[] Media)
    {
        public static ContextInputs Of(Site site, IReadOnlyList<Parsed> parsed) => new(
            site.Config.BaseUrl, site.Config.RawHtml,
            // Event links resolve from each language's timeline page, and page links to the default language's file.
            site.Config.Language + " " + string.Join(' ', site.Config.Languages.Select(l => site.TimelinePageIn(l.Code)?.Path)),
            [.. parsed.Select(x => (x.Page.Path, x.Page.SourcePath, x.HeadingIds))], [.. site.Timeline.Select(e => e.Id)], [.. site.Media.Select(m => m.OutputPath)]);

        /// <summary>
        /// Compared item by item: the same page keeps the same strings and heading id set from
        /// build to build, so this is cheap, unlike hashing them all again.
        /// </summary>
        public bool SameAs(ContextInputs other) =>
            BaseUrl == other.BaseUrl && RawHtml == other.RawHtml && TimelinePages == other.TimelinePages
            && Pages.AsSpan().SequenceEqual(other.Pages) && Events.AsSpan().SequenceEqual(other.Events) && Media.AsSpan().SequenceEqual(other.Media);

        /// <summary>A hash of the inputs, kept with each body rendered in them.</summary>
        public string Key()
        {
            var text = new System.Text.StringBuilder();
            text.Append(BaseUrl).Append('\n').Append(RawHtml).Append('\n').Append(TimelinePages).Append('\n');
            foreach (var (path, source, ids) in Pages)
            {
                text.Append(path).Append('\t').Append(source).Append('\t').AppendJoin(' ', ids.Order(StringComparer.Ordinal)).Append('\n');
            }

            text.AppendJoin(' ', Events).Append('\n').AppendJoin(' ', Media);
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>The body from the memo when its Markdown and context are unchanged.</summary>
    private static MarkdownMemo.Body? Known(ConcurrentDictionary<string, MarkdownMemo.Body> bodies, string key, string markdown, SourceLocation at, string context) =>
        bodies.TryGetValue(key, out var known) && known.IsFor(markdown, at) && known.Context == context ? known : null;

    /// <summary>The body rendered, and remembered.</summary>
    private static MarkdownMemo.Body Rendered(
        ConcurrentDictionary<string, MarkdownMemo.Body> bodies, string key, string markdown, SourceLocation at, string context,
        Func<DiagnosticBag, List<WrittenLink>, (IReadOnlyCollection<string> HeadingIds, string Html)> render)
    {
        var known = bodies.GetValueOrDefault(key);
        var own = new DiagnosticBag();
        var links = new List<WrittenLink>();
        var (ids, html) = render(own, links);
        // The same links as before stay the same list, so the page compares equal and is not rendered again.
        IReadOnlyList<WrittenLink> kept = known is not null && known.ExternalLinks.SequenceEqual(links) ? known.ExternalLinks : links;
        return bodies[key] = new MarkdownMemo.Body(markdown, at, ids, context, html, kept, own.Sorted());
    }

    /// <summary>Markdig refuses input nested past its limits (128 levels) by throwing; that is bad content, not a crash.</summary>
    /// <summary>
    /// Markdig, like cmark before its fix, reads a run of link reference definitions in quadratic
    /// time: 50,000 of them (2 MB) take 8 s. No page needs a thousand.
    /// </summary>
    public const int MaxLinkDefinitions = 1_000;

    [System.Text.RegularExpressions.GeneratedRegex(@"^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex LinkDefinition();

    /// <summary>
    /// Nesting deeper than Markdig's limit (about 128 levels) is refused anyway, but only after
    /// Markdig has spent time on every level: 1,000 nested list items take seconds. Lines indented
    /// this far could only be such nesting, so they are refused before parsing.
    /// </summary>
    public const int MaxIndent = 256;

    private static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (LinkDefinition().Count(markdown) is var definitions and > MaxLinkDefinitions)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at,
                $"the Markdown defines {definitions} link references ('[name]: address'), more than the {MaxLinkDefinitions} that can be read quickly; write the links inline, [text](address), or split the page");
            return null;
        }

        if (FirstTooIndented(markdown) is > 0 and var line)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at,
                $"line {line} of the Markdown is indented more than {MaxIndent} columns, further than any nesting the page can show; reduce the nesting of lists or quotes");
            return null;
        }

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

    /// <summary>The first line indented past <see cref="MaxIndent"/> columns (a tab reaching the next multiple of 4), or 0.</summary>
    private static int FirstTooIndented(string markdown)
    {
        var (line, columns, leading) = (1, 0, true);
        foreach (var c in markdown)
        {
            if (c == '\n')
            {
                (line, columns, leading) = (line + 1, 0, true);
            }
            else if (leading && c is ' ' or '\t')
            {
                columns = c == ' ' ? columns + 1 : (columns / 4 + 1) * 4;
                if (columns > MaxIndent)
                {
                    return line;
                }
            }
            else
            {
                leading = false;
            }
        }

        return 0;
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

    /// <param name="externalLinks">Receives the links to other sites, for 'check' to list and fetch.</param>
    private static string ToHtml(MarkdownDocument doc, Page? page, SourceLocation at, Site site, LinkTargets targets, MarkdownPipeline pipeline, DiagnosticBag diagnostics, List<WrittenLink> externalLinks)
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
                // Code-running links are BJ3002's business (or the site's choice under trusted_html), not addresses.
                if (Urls.IsExternal(url) && !Urls.RunsCode(url))
                {
                    externalLinks.Add(new WrittenLink(url, location));
                }
                if (node is LinkInline { IsImage: true } image && image.Descendants<LiteralInline>().All(t => t.Content.IsEmptyOrWhitespace()))
                {
                    diagnostics.Warning(DiagnosticCodes.MissingAltText, location,
                        $"image '{url}' has no alt text; write what it shows between the brackets, ![like this]({url}): screen-reader users hear this text instead of seeing the image");
                }
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
            // ('{onclick=…}', '{style=…}') is raw HTML by another name, and is dropped like raw HTML
            // is escaped. Where raw HTML is allowed, the sanitiser judges attributes like raw HTML.
            if (site.Config.RawHtml == RawHtml.Escaped && node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
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

        return site.Config.RawHtml == RawHtml.Sanitized ? RawHtmlSanitizer.Clean(writer.ToString(), at, diagnostics) : writer.ToString();
    }

    /// <summary>Reports what is wrong with a link and returns the URL to write in its place.</summary>
    private static string CheckLink(string url, bool isImage, Page? page, SourceLocation location, Site site, LinkTargets targets, DiagnosticBag diagnostics)
    {
        // Allowing raw HTML lets markup in, not code: only a site that trusts its content may link to it.
        if (site.Config.RawHtml != RawHtml.Trusted && Urls.RunsCode(url))
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
            if (isImage && site.Config.RawHtml != RawHtml.Trusted && url.Length > 0)
            {
                diagnostics.Error(DiagnosticCodes.ThirdPartyImage, location,
                    $"image '{url}' is on another site; put the file in content/media/ and link it as /media/… (the site loads nothing from elsewhere)");
                // Refused already: the sanitiser need not report the same image again.
                return "";
            }

            return url;
        }

        return url.StartsWith('#')
            ? url
            : site.Config.PathFor(resolution.Path) + resolution.Query + (resolution.Fragment.Length > 0 ? "#" + resolution.Fragment : "");
    }
}
