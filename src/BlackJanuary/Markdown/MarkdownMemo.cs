using System.Collections.Concurrent;
using BlackJanuary.Checks;
using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

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
    // The last build's pages and their bodies, by place.
    private IReadOnlyList<Page> _lastPages = [];
    private Body[] _lastBodies = [];

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
            (_lastPages, _lastBodies) = ([], []);
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

    /// <summary>The last build's body of the very same page at the same place, when the link context is the same: found without a look-up.</summary>
    internal Body? BodyAt(int index, Page page, string context) =>
        index < _lastPages.Count && ReferenceEquals(_lastPages[index], page) && _lastBodies[index].Context == context ? _lastBodies[index] : null;

    /// <summary>Remembers this build's pages and bodies by place, for <see cref="BodyAt"/>.</summary>
    internal void Remember(IReadOnlyList<Page> pages, Body[] bodies)
    {
        _lastPages = pages;
        _lastBodies = bodies;
    }

    /// <summary>Drops bodies of pages and events that no longer exist, so a long session does not grow.</summary>
    internal void Keep(IReadOnlyCollection<string> pageKeys, IReadOnlyCollection<string> eventKeys)
    {
        Prune(Pages, pageKeys);
        Prune(Events, eventKeys);
    }

    /// <param name="keep">The keys of this build, each once; each has a body.</param>
    private static void Prune(ConcurrentDictionary<string, Body> bodies, IReadOnlyCollection<string> keep)
    {
        // Every key of this build has a body, so as many bodies as keys means none is left over.
        if (bodies.Count == keep.Count)
        {
            return;
        }

        var set = keep.ToHashSet(StringComparer.Ordinal);
        foreach (var key in bodies.Keys.Where(k => !set.Contains(k)))
        {
            bodies.TryRemove(key, out _);
        }
    }
}
