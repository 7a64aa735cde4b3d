using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Markdown;

/// <summary>
/// Renders every page body and timeline event body to HTML. Links to other Markdown files
/// ("about.md") become page URLs, and internal links that lead nowhere are reported.
/// </summary>
public static partial class MarkdownStage
{
    /// <param name="session">Keeps what each body was made into; a rebuild converts only the bodies an edit concerns.</param>
    /// <param name="wording">The theme's words for media (a credit, a content warning, a transcript), in each language.</param>
    public static Site Render(Site site, DiagnosticBag diagnostics, Session? session = null, MediaWording? wording = null)
    {
        var pipeline = MarkdownPipelineFactory.For(allowHtml: site.Config.RawHtml != RawHtml.Escaped);

        // Each body is parsed once, its headings collected and its HTML written in the same pass:
        // where a link leads depends only on the paths the site publishes, which loading knows.
        // Anchors, which may be any page's headings, are checked at the end.
        var inputs = ContextInputs.Of(site, wording ?? MediaWording.English);
        var context = Session.Once(session, "markdown.context", inputs, () => new LinkContext(inputs, new Lazy<LinkTargets>(() => new LinkTargets(site)), MediaShown.Of(site, inputs.Wording)));
        var pages = Session.Each(session, "markdown.pages", new Units<Page, PageInputs, ConvertedPage>(
            site.Pages, context, p => p.Path, p => new PageInputs(p, context),
            (p, d) => ConvertedPage.Of(p, Convert(p.Markdown, p.BodyLocation, p, site, context, pipeline, d, headings: true))), diagnostics);

        var anchors = Session.Once(session, "markdown.anchors", new AnchorsInputs(
            context,
            new ByPlace<ConvertedPage>(pages, (a, b) => a.Body.HeadingIds.SetEquals(b.Body.HeadingIds)),
            new ByPlace<TimelineEvent>(site.Timeline, (a, b) => a.Id == b.Id),
            new ByPlace<Page>(site.Pages, Page.SameAnchors)), () => new Anchors(site, [.. pages.Select(p => p.Body.HeadingIds)]));

        // A page's anchors are checked afresh only when its body or the anchors changed: another page's headings never convert it again.
        Session.Each(session, "markdown.anchor-links", new Units<ConvertedPage, AnchorInputs, ConvertedPage>(
            pages, anchors, p => p.Page.SourcePath, p => new AnchorInputs(p.Body, anchors), (p, d) => CheckAnchors(p, anchors, d)), diagnostics);

        var timelines = Session.Once(session, "markdown.timelines", new TimelineInputs(site.Timelines, context, anchors), diagnostics,
            d => RenderEvents(site, context, pipeline, anchors, session, d));
        return site with { Pages = [.. pages.Select(p => p.Page)], Timelines = timelines };
    }

    /// <summary>What every body's conversion reads besides its own Markdown: where its links may lead. The very same object while its inputs are equal.</summary>
    private sealed class LinkContext(ContextInputs inputs, Lazy<LinkTargets> targets, MediaShown media)
    {
        public ContextInputs Inputs => inputs;

        public Lazy<LinkTargets> Targets => targets;

        public MediaShown Media => media;
    }

    /// <summary>A page's conversion reads the page (its Markdown, where it is written, its place) and the link context.</summary>
    private sealed record PageInputs(Page Page, LinkContext Context);

    private sealed record AnchorsInputs(LinkContext Context, ByPlace<ConvertedPage> Headings, ByPlace<TimelineEvent> Events, ByPlace<Page> TimelinePages);

    private sealed record AnchorInputs(Body Body, Anchors Anchors);

    private sealed record TimelineInputs(IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> Events, LinkContext Context, Anchors Anchors);

    private sealed record EventInputs(string Markdown, SourceLocation At, LinkContext Context);

    /// <summary>A page with its converted body, and the body.</summary>
    private sealed record ConvertedPage(Page Page, Body Body)
    {
        public static ConvertedPage Of(Page page, Body body) => new(page with { ContentHtml = body.Html, ExternalLinks = body.ExternalLinks }, body);
    }

    /// <summary>
    /// The event bodies of every language, written as if on the timeline page of their language,
    /// so that their relative links resolve from there, to pages in the same language.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<TimelineEvent>> RenderEvents(Site site, LinkContext context, MarkdownPipeline pipeline, Anchors anchors, Session? session, DiagnosticBag diagnostics)
    {
        var timelines = new Dictionary<string, IReadOnlyList<TimelineEvent>>(StringComparer.Ordinal);
        foreach (var (language, events) in site.Timelines)
        {
            var timelinePage = site.TimelinePageIn(language);
            var withBodies = events.Where(e => e.BodyMarkdown.Length > 0).ToList();
            // Each language has its own texts, and its own links: remembered per language.
            var bodies = Session.Each(session, "markdown.events." + language, new Units<TimelineEvent, EventInputs, Body>(
                withBodies, context, e => e.Id, e => new EventInputs(e.BodyMarkdown, e.Location, context),
                (e, d) => Convert(e.BodyMarkdown, e.Location, timelinePage, site, context, pipeline, d, headings: false)), diagnostics);
            var made = new Dictionary<TimelineEvent, TimelineEvent>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < withBodies.Count; i++)
            {
                var body = bodies[i];
                CheckAnchors(body, anchors, diagnostics);
                made[withBodies[i]] = withBodies[i] with { BodyHtml = body.Html, ExternalLinks = body.ExternalLinks };
            }

            timelines[language] = events.Select(e => made.GetValueOrDefault(e, e)).ToList();
        }

        return timelines;
    }

    /// <summary>Reports each anchor of a page's links that names no heading (or event) of the page it leads to.</summary>
    private static ConvertedPage CheckAnchors(ConvertedPage page, Anchors anchors, DiagnosticBag diagnostics)
    {
        CheckAnchors(page.Body, anchors, diagnostics);
        return page;
    }

    private static void CheckAnchors(Body body, Anchors anchors, DiagnosticBag diagnostics)
    {
        foreach (var link in body.AnchorLinks)
        {
            if (anchors.Problem(link.Path, link.Fragment) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.BrokenLink, link.At, $"broken link '{link.Url}': {problem}; fix the link or the target");
            }
        }
    }

    /// <summary>
    /// Everything a body's rendering reads besides its own Markdown: where links can lead, and
    /// how URLs are written. Two builds with the same inputs render the same Markdown alike.
    /// </summary>
    private sealed record ContextInputs(Uri BaseUrl, RawHtml RawHtml, string TimelinePages, ByPlace<Page> Pages, Values<MediaFile> Media, Values<string> SiteFiles, ImageSettings Images, MediaWording Wording)
    {
        public static ContextInputs Of(Site site, MediaWording wording) => new(
            site.Config.BaseUrl, site.Config.RawHtml,
            // Event links resolve from each language's timeline page, and page links to the default language's file.
            site.Config.Language + " " + string.Join(' ', site.Config.Languages.Select(l => site.TimelinePageIn(l.Code)?.Path)),
            new ByPlace<Page>(site.Pages, Page.SameLinkTarget), new Values<MediaFile>(site.Media),
            // The feed of each language, in its URL tree: renaming a language moves where links to it lead.
            new Values<string>([.. GeneratedFiles.Linkable(site.Config, site.HasRegister)]), site.Config.Images, wording);
    }

    private static readonly IReadOnlySet<string> NoHeadings = new HashSet<string>();

    /// <summary>A body parsed, its headings collected, and rendered to HTML.</summary>
    /// <param name="from">The page whose links these are (for an event, its timeline page).</param>
    private static Body Convert(string markdown, SourceLocation at, Page? from, Site site, LinkContext context, MarkdownPipeline pipeline, DiagnosticBag own, bool headings)
    {
        var targets = context.Targets.Value;
        var external = new List<WrittenLink>();
        var anchored = new List<AnchorLink>();
        var (ids, html) = (NoHeadings, "");
        if (SafeParse.Parse(markdown, pipeline, at, own) is { } doc)
        {
            if (headings)
            {
                ids = doc.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            }

            // A page's first image is near the top of the screen: it loads at once. A person's page shows the photo first; the timeline, many events.
            var media = new MediaInBody(context.Media, from?.Language ?? site.Config.Language, firstEager: headings && from?.Person is null, warning: from?.ContentWarning ?? "");
            html = media.Fill(ToHtml(doc, from, at, site, targets, pipeline, own, external, anchored, media));
        }

        return new Body(ids, html, external, anchored);
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
    /// <param name="anchored">Receives the internal links with an anchor, checked once every page's headings are known.</param>
    /// <param name="media">Takes the images, recordings and documents of the site's media the body shows, and leaves a mark where each goes.</param>
    private static string ToHtml(
        MarkdownDocument doc, Page? page, SourceLocation at, Site site, LinkTargets targets, MarkdownPipeline pipeline, DiagnosticBag diagnostics, List<WrittenLink> externalLinks, List<AnchorLink> anchored,
        MediaInBody media)
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
                var rewritten = CheckLink(url, node is LinkInline { IsImage: true }, page, location, site, targets, diagnostics, anchored);
                // Code-running links are BJ3002's business (or the site's choice under trusted_html), not addresses.
                if (Urls.IsExternal(url) && !Urls.RunsCode(url))
                {
                    externalLinks.Add(new WrittenLink(url, location));
                }
                var shown = node is LinkInline { IsImage: true } shownImage ? media.Take(shownImage, url, page, targets) : null;
                if (node is LinkInline { IsImage: true } image && image.Descendants<LiteralInline>().All(t => t.Content.IsEmptyOrWhitespace()) && shown?.HasAlt != true)
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

            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                var location = at.Line == 0 || page?.SourcePath != at.File ? at : new SourceLocation(at.File, at.Line + node.Line, node.Column + 1);
                KeepSafeAttributes(properties, site.Config.RawHtml, location, diagnostics);
            }
        }

        media.Place();
        string html;
        try
        {
            // Markdig's own ToHtml renders with a renderer and buffer it keeps for the next document.
            html = Markdig.Markdown.ToHtml(doc, pipeline);
        }
        catch (ArgumentException e)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at, $"the Markdown cannot be rendered: {e.Message}; reduce the nesting of quotes, lists or emphasis");
            return "";
        }

        return site.Config.RawHtml == RawHtml.Sanitized ? RawHtmlSanitizer.Clean(html, at, diagnostics) : html;
    }

    /// <summary>
    /// '{#id .class}' gives stable anchors and styling, and '{lang=en}' the language of a span or
    /// block, for screen readers; any other attribute ('{onclick=…}', '{style=…}') is raw HTML by
    /// another name, and is dropped like raw HTML is escaped. Where raw HTML is allowed, the
    /// sanitiser judges the others like raw HTML. A language must be a well-formed code, or it
    /// would tell readers' software to pronounce the words as no language at all.
    /// </summary>
    private static void KeepSafeAttributes(List<KeyValuePair<string, string?>> properties, RawHtml rawHtml, SourceLocation at, DiagnosticBag diagnostics)
    {
        for (var i = properties.Count - 1; i >= 0; i--)
        {
            var (name, value) = properties[i];
            if (name == "lang" && !LanguageCode.IsValid(value ?? ""))
            {
                diagnostics.Warning(DiagnosticCodes.InvalidLanguageAttribute, at,
                    $"'{{lang={value}}}' is not a language code; write one like 'en', 'ru' or 'az-Cyrl' (lower-case language, then optional script or region), or remove it");
                properties.RemoveAt(i);
            }
            else if (name != "lang" && rawHtml == RawHtml.Escaped)
            {
                properties.RemoveAt(i);
            }
        }
    }

    /// <summary>Reports what is wrong with a link and returns the URL to write in its place; an anchor is noted in <paramref name="anchored"/>, to check later.</summary>
    private static string CheckLink(string url, bool isImage, Page? page, SourceLocation location, Site site, LinkTargets targets, DiagnosticBag diagnostics, List<AnchorLink> anchored)
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
            diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"broken link '{url}': {resolution.Problem}; fix the link or the target");
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

            // Written as it was judged, so that no browser reads it as another address.
            return resolution.Path;
        }

        if (resolution.Fragment.Length > 0)
        {
            anchored.Add(new AnchorLink(url, location, resolution.Path, resolution.Fragment));
        }

        return url.StartsWith('#')
            ? url
            : site.Config.PathFor(resolution.Path) + resolution.Query + (resolution.Fragment.Length > 0 ? "#" + resolution.Fragment : "");
    }
}

/// <summary>An internal link with an anchor, as written and where: the anchor names a heading (or event) of the page at <paramref name="Path"/>, or nothing.</summary>
internal sealed record AnchorLink(string Url, SourceLocation At, string Path, string Fragment);
