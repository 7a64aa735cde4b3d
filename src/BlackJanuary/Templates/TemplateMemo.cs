using System.Collections.Concurrent;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

/// <summary>
/// What one page's render read besides its own page: the templates it ran, the pages it looked up
/// with find_page, whether it read the timeline, and the diagnostics it raised. Recorded while the
/// page renders, so that a later build knows which changes concern it.
/// </summary>
internal sealed class RenderReads
{
    /// <summary>Templates by name, null for a name that was asked for but did not exist.</summary>
    public Dictionary<string, Template?> Templates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Page?> Pages { get; } = new(StringComparer.Ordinal);

    public bool Timeline { get; set; }

    public DiagnosticBag Diagnostics { get; } = new();
}

/// <summary>
/// A page's globals (site, page, timeline, content) that notes which of them a template reads;
/// Scriban looks every variable up here first.
/// </summary>
internal sealed class TrackedGlobals(RenderReads reads) : ScriptObject
{
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (member == "timeline")
        {
            reads.Timeline = true;
        }

        return base.TryGetValue(context, span, member, out value);
    }
}

/// <summary>
/// Rendered pages kept between the builds of a session. A page is rendered again only when the
/// page itself, the site-wide values every page sees, or something its last render read changed.
/// </summary>
public sealed class TemplateMemo
{
    internal ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

    private int _rendered;

    /// <summary>Pages the last build rendered rather than took from the memo.</summary>
    public int Rendered => _rendered;

    internal void Count() => Interlocked.Increment(ref _rendered);

    internal void BeginBuild() => _rendered = 0;

    internal sealed record Entry(Page Page, string SiteKey, string TimelineKey, RenderReads Reads, string? Html, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public RenderedPage? Rendered { get; } = Html is null ? null : new RenderedPage(Page, Html);
    }

    /// <summary>Drops the entries of pages the site no longer has.</summary>
    internal void Keep(IReadOnlyCollection<Page> pages)
    {
        // Every page of the build has an entry, so as many entries as pages means none is left over.
        if (Entries.Count == pages.Count)
        {
            return;
        }

        var keep = pages.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
        foreach (var key in Entries.Keys.Where(k => !keep.Contains(k)))
        {
            Entries.TryRemove(key, out _);
        }
    }
}
