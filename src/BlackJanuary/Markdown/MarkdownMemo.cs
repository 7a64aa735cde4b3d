using System.Collections.Concurrent;
using BlackJanuary.Checks;
using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Incremental;

namespace BlackJanuary.Markdown;

/// <summary>
/// Rendered bodies kept between the builds of a session. A body is rendered again only when its
/// Markdown changed, or when where its links could lead changed (the pages and media, the
/// timeline pages, the base URL): that is the <see cref="Body.Context"/> it was rendered in. The
/// anchors of its links are checked at every build, so another page's headings never make it render again.
/// </summary>
public sealed class MarkdownMemo
{
    private RawHtml? _rawHtml;
    private (MarkdownStage.ContextInputs Inputs, string Key, Lazy<LinkTargets> Targets)? _links;
    private Places? _places;
    // The anchors of the last build, and what they were made from.
    private (string Context, ByPlace<Body> Headings, ByPlace<TimelineEvent> Events, ByPlace<Page> TimelinePages, Anchors Anchors)? _anchors;
    private (IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> Input, string Context, Anchors Anchors, RenderedTimelines Output)? _timelines;

    /// <summary>
    /// A build's pages by place: the page loaded, its body, the page made of the two, the places
    /// whose body reported something, the anchors the links were checked against, and what that found.
    /// </summary>
    internal sealed record Places(string Context, IReadOnlyList<Page> Pages, Body[] Bodies, Page[] Made, int[] Reporting, Anchors Anchors, IReadOnlyList<Diagnostic>[] AnchorProblems)
    {
        /// <summary>The body at <paramref name="index"/>, when the page there is the very same object.</summary>
        public Body? BodyAt(int index, Page page) => ReferenceEquals(Pages[index], page) ? Bodies[index] : null;

        /// <summary>Whether the place keeps the very same page and body, and so everything made of them.</summary>
        public bool Kept(int index, Page page, Body body) => ReferenceEquals(Pages[index], page) && ReferenceEquals(Bodies[index], body);
    }

    /// <summary>The event bodies rendered into each language's timeline, the keys they are remembered by, and what they reported.</summary>
    internal sealed record RenderedTimelines(Dictionary<string, IReadOnlyList<TimelineEvent>> Events, List<string> Keys, IReadOnlyList<Diagnostic> Reported);

    internal ConcurrentDictionary<string, Body> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Forgets everything when the pipeline changes: with raw HTML allowed the same Markdown parses
    /// differently ('## A &lt;b&gt;x&lt;/b&gt;' gets another heading id), and is sanitised or not.
    /// </summary>
    internal void UsePipeline(RawHtml rawHtml)
    {
        if (_rawHtml != rawHtml)
        {
            Pages.Clear();
            Events.Clear();
            _links = null;
            (_places, _anchors, _timelines) = (null, null, null);
            _rawHtml = rawHtml;
        }
    }

    internal ConcurrentDictionary<string, Body> Events { get; } = new(StringComparer.Ordinal);

    /// <param name="AnchorLinks">Its internal links with an anchor, checked at every build against the headings of the pages they lead to.</param>
    /// <param name="Diagnostics">What rendering it reported; the anchors' problems are not among them.</param>
    internal sealed record Body(
        string Markdown, SourceLocation At, IReadOnlySet<string> HeadingIds, string Context, string Html,
        IReadOnlyList<WrittenLink> ExternalLinks, IReadOnlyList<AnchorLink> AnchorLinks, IReadOnlyList<Diagnostic> Diagnostics)
    {
        // The page or event last made with this body, and the one it was made from.
        private (object From, object Made)? _made;

        public bool IsFor(string markdown, SourceLocation at) => At == at && string.Equals(Markdown, markdown, StringComparison.Ordinal);

        /// <summary>
        /// What <paramref name="make"/> makes of <paramref name="from"/> with this body: the very
        /// same object as last time when it is made from the very same one, so that later stages
        /// see at a glance that nothing changed. Each body belongs to one page or event, which
        /// one thread handles.
        /// </summary>
        public T Made<T>(T from, Func<T, T> make)
            where T : class
        {
            if (_made is { } last && ReferenceEquals(last.From, from))
            {
                return (T)last.Made;
            }

            var made = make(from);
            _made = (from, made);
            return made;
        }
    }

    /// <summary>
    /// The link context's key and the link targets for <paramref name="inputs"/>: those of the
    /// last build when its inputs were the same, since targets are made from exactly these inputs
    /// and resolve every link alike. The targets are made only when a body is rendered.
    /// </summary>
    internal (string Key, Lazy<LinkTargets> Targets) Links(MarkdownStage.ContextInputs inputs, Func<LinkTargets> targets)
    {
        if (_links is not { } last || !last.Inputs.SameAs(inputs))
        {
            _links = last = (inputs, inputs.Key(), new Lazy<LinkTargets>(targets));
        }

        return (last.Key, last.Targets);
    }

    /// <summary>
    /// The last build by place, when its bodies were rendered in <paramref name="context"/> (all
    /// of them were rendered in its context) and it had as many pages; a context covers every
    /// page's place, so the pages are then at the same places.
    /// </summary>
    internal Places? PlacesIn(string context, int pages) => _places is { } last && last.Context == context && last.Pages.Count == pages ? last : null;

    internal void Remember(Places places) => _places = places;

    /// <summary>
    /// The timelines with their events' bodies: the very same as at the last build while the
    /// events (the very same lists, which loading keeps while timeline.yaml is unchanged), the
    /// link context and the anchors are.
    /// </summary>
    internal RenderedTimelines Timelines(IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>> input, string context, Anchors anchors, Func<RenderedTimelines> render)
    {
        if (_timelines is { } last && ReferenceEquals(last.Input, input) && last.Context == context && ReferenceEquals(last.Anchors, anchors))
        {
            return last.Output;
        }

        var output = render();
        _timelines = (input, context, anchors, output);
        return output;
    }

    /// <summary>
    /// The anchors of <paramref name="site"/>, whose pages have <paramref name="bodies"/>: the
    /// very same object as at the last build while the pages' paths, each page's heading ids, the
    /// timeline pages and the events are unchanged, so that the checks made against it hold.
    /// </summary>
    internal Anchors Anchors(Site site, string context, IReadOnlyList<Body> bodies)
    {
        var headings = new ByPlace<Body>(bodies, (a, b) => ReferenceEquals(a.HeadingIds, b.HeadingIds));
        var events = new ByPlace<TimelineEvent>(site.Timeline, (a, b) => a.Id == b.Id);
        var timelinePages = new ByPlace<Page>(site.Pages, (a, b) => a.Path == b.Path && (a.Layout == "timeline") == (b.Layout == "timeline"));
        if (_anchors is { } last && last.Context == context && last.Headings.Equals(headings) && last.Events.Equals(events) && last.TimelinePages.Equals(timelinePages))
        {
            _anchors = last with { Headings = headings, Events = events, TimelinePages = timelinePages };
            return last.Anchors;
        }

        var anchors = new Anchors(site, [.. bodies.Select(b => b.HeadingIds)]);
        _anchors = (context, headings, events, timelinePages, anchors);
        return anchors;
    }

    /// <summary>Drops bodies of pages and events that no longer exist, so a long session does not grow.</summary>
    internal void Keep(IReadOnlyList<Page> pages, IReadOnlyList<string> eventKeys)
    {
        Prune(Pages, pages.Count, () => pages.Select(p => p.SourcePath));
        Prune(Events, eventKeys.Count, () => eventKeys);
    }

    /// <param name="count">How many keys this build has, each once; each has a body.</param>
    /// <param name="keep">The keys, listed only when some body is left over.</param>
    private static void Prune(ConcurrentDictionary<string, Body> bodies, int count, Func<IEnumerable<string>> keep)
    {
        // Every key of this build has a body, so as many bodies as keys means none is left over.
        if (bodies.Count == count)
        {
            return;
        }

        var set = keep().ToHashSet(StringComparer.Ordinal);
        foreach (var key in bodies.Keys.Where(k => !set.Contains(k)))
        {
            bodies.TryRemove(key, out _);
        }
    }
}
