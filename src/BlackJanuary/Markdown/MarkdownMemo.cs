using System.Collections.Concurrent;
using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Markdown;

/// <summary>
/// Rendered bodies kept between the builds of a session. A body is rendered again only when its
/// Markdown changed, or when something its links could point at changed (pages, headings, events,
/// media, base URL): that is the <see cref="Body.Context"/> it was rendered in.
/// </summary>
public sealed class MarkdownMemo
{
    private RawHtml? _rawHtml;

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
            _rawHtml = rawHtml;
        }
    }

    internal ConcurrentDictionary<string, Body> Events { get; } = new(StringComparer.Ordinal);

    internal sealed record Body(string Markdown, SourceLocation At, IReadOnlyCollection<string> HeadingIds, string Context, string Html, IReadOnlyList<WrittenLink> ExternalLinks, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool IsFor(string markdown, SourceLocation at) => At == at && string.Equals(Markdown, markdown, StringComparison.Ordinal);
    }

    /// <summary>Drops bodies of pages and events that no longer exist, so a long session does not grow.</summary>
    internal void Keep(IEnumerable<string> pageKeys, IEnumerable<string> eventKeys)
    {
        Prune(Pages, pageKeys.ToHashSet(StringComparer.Ordinal));
        Prune(Events, eventKeys.ToHashSet(StringComparer.Ordinal));
    }

    private static void Prune(ConcurrentDictionary<string, Body> bodies, HashSet<string> keep)
    {
        foreach (var key in bodies.Keys.Where(k => !keep.Contains(k)))
        {
            bodies.TryRemove(key, out _);
        }
    }
}
