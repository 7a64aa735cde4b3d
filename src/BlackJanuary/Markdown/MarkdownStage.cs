using System.Collections.Concurrent;
using BlackJanuary.Checks;
using BlackJanuary.Configuration;
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
    /// <param name="memo">Bodies rendered by earlier builds of this session; only what changed is rendered again.</param>
    public static Site Render(Site site, DiagnosticBag diagnostics, MarkdownMemo? memo = null)
    {
        memo ??= new MarkdownMemo();
        memo.UsePipeline(site.Config.RawHtml);
        var pipeline = MarkdownPipelineFactory.For(allowHtml: site.Config.RawHtml != RawHtml.Escaped);

        // Each body is parsed once, its headings collected and its HTML written in the same pass:
        // where a link leads depends only on the paths the site publishes, which loading knows.
        // Anchors, which may be any page's headings, are checked at the end.
        var (context, targets) = memo.Links(ContextInputs.Of(site), () => new LinkTargets(site));
        // The last build's pages, bodies and what was made of them, by place, when rendered in
        // this very context: a place whose page is the very same object keeps all of it, unread.
        var last = memo.PlacesIn(context, site.Pages.Count);
        var pageBodies = Remembered.Each(site.Pages,
            (p, i) => last?.BodyAt(i, p) ?? Known(memo.Pages, p.SourcePath, p.Markdown, p.BodyLocation, context),
            p => memo.Pages[p.SourcePath] = Convert(p.Markdown, p.BodyLocation, p, site, targets.Value, pipeline, context, memo.Pages.GetValueOrDefault(p.SourcePath), headings: true));
        // The pages made at the last build, copied whole, and made again at each place that did not keep its page and body.
        var pages = last is not null ? (Page[])last.Made.Clone() : new Page[pageBodies.Length];
        var reporting = new List<int>();
        for (var i = 0; i < pageBodies.Length; i++)
        {
            var body = pageBodies[i];
            if (last is not null && last.Kept(i, site.Pages[i], body))
            {
                continue;
            }

            if (body.Diagnostics.Count > 0)
            {
                reporting.Add(i);
            }

            pages[i] = body.Made(site.Pages[i], p => p with { ContentHtml = body.Html, ExternalLinks = body.ExternalLinks });
        }

        reporting.AddRange(last?.Reporting.Where(i => last.Kept(i, site.Pages[i], pageBodies[i])) ?? []);
        foreach (var i in reporting)
        {
            diagnostics.AddRange(pageBodies[i].Diagnostics);
        }

        var anchors = memo.Anchors(site, context, pageBodies);
        var timelines = memo.Timelines(site.Timelines, context, anchors, () => RenderEvents(site, context, targets, pipeline, anchors, memo));
        diagnostics.AddRange(timelines.Reported);

        // Anchor problems by place too: a kept body checked against the very same anchors found what it found.
        var sameAnchors = last is not null && ReferenceEquals(last.Anchors, anchors);
        var anchorProblems = sameAnchors ? (IReadOnlyList<Diagnostic>[])last!.AnchorProblems.Clone() : new IReadOnlyList<Diagnostic>[pageBodies.Length];
        for (var i = 0; i < pageBodies.Length; i++)
        {
            if (!sameAnchors || !last!.Kept(i, site.Pages[i], pageBodies[i]))
            {
                anchorProblems[i] = CheckAnchors(pageBodies[i], anchors);
            }

            if (anchorProblems[i].Count > 0)
            {
                diagnostics.AddRange(anchorProblems[i]);
            }
        }

        memo.Remember(new MarkdownMemo.Places(context, site.Pages, pageBodies, pages, [.. reporting], anchors, anchorProblems));
        memo.Keep(site.Pages, timelines.Keys);
        return site with { Pages = pages, Timelines = timelines.Events };
    }

    /// <summary>
    /// The event bodies of every language, written as if on the timeline page of their language,
    /// so that their relative links resolve from there, to pages in the same language.
    /// </summary>
    private static MarkdownMemo.RenderedTimelines RenderEvents(Site site, string context, Lazy<LinkTargets> targets, MarkdownPipeline pipeline, Anchors anchors, MarkdownMemo memo)
    {
        var reported = new DiagnosticBag();
        var keys = new List<string>();
        var timelines = new Dictionary<string, IReadOnlyList<TimelineEvent>>(StringComparer.Ordinal);
        foreach (var (language, events) in site.Timelines)
        {
            var timelinePage = site.TimelinePageIn(language);
            var withBodies = events.Where(e => e.BodyMarkdown.Length > 0).ToList();
            var bodies = Remembered.Each(withBodies,
                (e, _) => Known(memo.Events, EventKey(e, language), e.BodyMarkdown, e.Location, context),
                e => memo.Events[EventKey(e, language)] = Convert(e.BodyMarkdown, e.Location, timelinePage, site, targets.Value, pipeline, context, memo.Events.GetValueOrDefault(EventKey(e, language)), headings: false));
            var made = new Dictionary<TimelineEvent, TimelineEvent>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < withBodies.Count; i++)
            {
                var body = bodies[i];
                reported.AddRange(body.Diagnostics);
                reported.AddRange(CheckAnchors(body, anchors));
                made[withBodies[i]] = body.Made(withBodies[i], e => e with { BodyHtml = body.Html, ExternalLinks = body.ExternalLinks });
            }

            timelines[language] = events.Select(e => made.GetValueOrDefault(e, e)).ToList();
            keys.AddRange(withBodies.Select(e => EventKey(e, language)));
        }

        return new MarkdownMemo.RenderedTimelines(timelines, keys, reported.Sorted());
    }

    /// <summary>An event's body is remembered per language: each has its own text, and its own links.</summary>
    private static string EventKey(TimelineEvent e, string language) => language + "\n" + e.Id;

    /// <summary>What is wrong with the anchors of a body's links: each that names no heading (or event) of the page it leads to.</summary>
    private static IReadOnlyList<Diagnostic> CheckAnchors(MarkdownMemo.Body body, Anchors anchors)
    {
        if (body.AnchorLinks.Count == 0)
        {
            return [];
        }

        var problems = new DiagnosticBag();
        foreach (var link in body.AnchorLinks)
        {
            if (anchors.Problem(link.Path, link.Fragment) is { } problem)
            {
                problems.Warning(DiagnosticCodes.BrokenLink, link.At, $"broken link '{link.Url}': {problem}; fix the link or the target");
            }
        }

        // The one empty list for every body whose anchors are all there, as for bodies without any.
        return problems.Any ? problems.Sorted() : [];
    }

    /// <summary>
    /// Everything a body's rendering reads besides its own Markdown: where links can lead, and
    /// how URLs are written. Two builds with the same inputs render the same Markdown alike.
    /// </summary>
    internal sealed record ContextInputs(Uri BaseUrl, RawHtml RawHtml, string TimelinePages, ByPlace<Page> Pages, string[] Media)
    {
        public static ContextInputs Of(Site site) => new(
            site.Config.BaseUrl, site.Config.RawHtml,
            // Event links resolve from each language's timeline page, and page links to the default language's file.
            site.Config.Language + " " + string.Join(' ', site.Config.Languages.Select(l => site.TimelinePageIn(l.Code)?.Path)),
            new ByPlace<Page>(site.Pages, (a, b) => a.Path == b.Path && a.SourcePath == b.SourcePath), [.. site.Media.Select(m => m.OutputPath)]);

        /// <summary>
        /// Compared place by place: the same page keeps the same object from build to build, so
        /// this is cheap, unlike hashing them all again.
        /// </summary>
        public bool SameAs(ContextInputs other) =>
            BaseUrl == other.BaseUrl && RawHtml == other.RawHtml && TimelinePages == other.TimelinePages
            && Pages.Equals(other.Pages) && Media.AsSpan().SequenceEqual(other.Media);

        /// <summary>A hash of the inputs, kept with each body rendered in them.</summary>
        public string Key()
        {
            var text = new System.Text.StringBuilder();
            text.Append(BaseUrl).Append('\n').Append(RawHtml).Append('\n').Append(TimelinePages).Append('\n');
            foreach (var page in Pages.Items)
            {
                text.Append(page.Path).Append('\t').Append(page.SourcePath).Append('\n');
            }

            text.AppendJoin(' ', Media);
            return System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>The body from the memo when its Markdown and context are unchanged.</summary>
    private static MarkdownMemo.Body? Known(ConcurrentDictionary<string, MarkdownMemo.Body> bodies, string key, string markdown, SourceLocation at, string context) =>
        bodies.TryGetValue(key, out var known) && known.IsFor(markdown, at) && known.Context == context ? known : null;

    private static readonly IReadOnlySet<string> NoHeadings = new HashSet<string>();

    /// <summary>A body parsed, its headings collected, and rendered to HTML in <paramref name="context"/>.</summary>
    /// <param name="from">The page whose links these are (for an event, its timeline page).</param>
    /// <param name="before">The body of the last build, if any: its heading ids and links are kept where they are the same, so that later stages see them unchanged.</param>
    private static MarkdownMemo.Body Convert(
        string markdown, SourceLocation at, Page? from, Site site, LinkTargets targets, MarkdownPipeline pipeline, string context, MarkdownMemo.Body? before, bool headings)
    {
        var own = new DiagnosticBag();
        var external = new List<WrittenLink>();
        var anchored = new List<AnchorLink>();
        var (ids, html) = (NoHeadings, "");
        if (Parse(markdown, pipeline, at, own) is { } doc)
        {
            if (headings)
            {
                var found = doc.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
                ids = before is not null && found.SetEquals(before.HeadingIds) ? before.HeadingIds : found;
            }

            html = ToHtml(doc, from, at, site, targets, pipeline, own, external, anchored);
        }

        IReadOnlyList<WrittenLink> keptLinks = before is not null && before.ExternalLinks.SequenceEqual(external) ? before.ExternalLinks : external;
        return new MarkdownMemo.Body(markdown, at, ids, context, html, keptLinks, anchored, own.Sorted());
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
        var (tooIndented, definitionLines) = ScanLines(markdown);
        if (definitionLines > MaxLinkDefinitions && LinkDefinition().Count(markdown) is var definitions and > MaxLinkDefinitions)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at,
                $"the Markdown defines {definitions} link references ('[name]: address'), more than the {MaxLinkDefinitions} that can be read quickly; write the links inline, [text](address), or split the page");
            return null;
        }

        if (InlineLimits.Problem(markdown) is { } slow)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooSlow, at, slow);
            return null;
        }

        if (tooIndented is > 0 and var line)
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

    /// <summary>
    /// One pass over the lines of a body: the first indented past <see cref="MaxIndent"/> columns
    /// (a tab reaching the next multiple of 4), or 0; and how many lines could define a link
    /// reference (up to 3 spaces, then '['), so that only a body with very many of them is searched
    /// for definitions with the pattern.
    /// </summary>
    private static (int TooIndented, int DefinitionLines) ScanLines(string markdown)
    {
        var (line, tooIndented, definitionLines) = (1, 0, 0);
        for (var start = 0; start < markdown.Length; line++)
        {
            var (columns, at) = (0, start);
            for (; at < markdown.Length && markdown[at] is ' ' or '\t' && columns <= MaxIndent; at++)
            {
                columns = markdown[at] == ' ' ? columns + 1 : (columns / 4 + 1) * 4;
            }

            if (columns > MaxIndent && tooIndented == 0)
            {
                tooIndented = line;
            }

            if (at - start <= 3 && at < markdown.Length && markdown[at] == '[')
            {
                definitionLines++;
            }

            var end = markdown.IndexOf('\n', at);
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return (tooIndented, definitionLines);
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
    private static string ToHtml(
        MarkdownDocument doc, Page? page, SourceLocation at, Site site, LinkTargets targets, MarkdownPipeline pipeline, DiagnosticBag diagnostics, List<WrittenLink> externalLinks, List<AnchorLink> anchored)
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

            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                var location = at.Line == 0 || page?.SourcePath != at.File ? at : new SourceLocation(at.File, at.Line + node.Line, node.Column + 1);
                KeepSafeAttributes(properties, site.Config.RawHtml, location, diagnostics);
            }
        }

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
