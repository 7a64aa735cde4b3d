using System.Collections.Concurrent;
using BlackJanuary.Checks;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using BlackJanuary.Incremental;

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

    private readonly Dictionary<string, (object?[] Inputs, object Token)> _tokens = new(StringComparer.Ordinal);
    private (object Token, IReadOnlyDictionary<string, ScriptObject> Value)? _timeline;
    private TemplateSet? _lastTemplates;
    private IReadOnlyList<Page> _lastPages = [];
    private Entry[] _lastEntries = [];
    // By place, as the last build left them: each page's render, and the places whose render reported something.
    // Null at the place of a page that failed; such an array is never handed on.
    private RenderedPage[] _lastRendered = [];
    private int[] _lastReporting = [];
    private (object SiteKey, object TimelineKey)? _lastKeys;
    // The path of every page that some render of this session found with find_page.
    private readonly HashSet<string> _foundPaths = new(StringComparer.Ordinal);
    private (object SiteKey, LinkTargets Targets)? _targets;

    /// <summary>
    /// A token for what <paramref name="inputs"/> are: the very same object for as long as they
    /// stay equal to the last build's (see <see cref="Remembered.Same"/>), a new one when they
    /// change. Entries keep the tokens they were rendered under, so that a page checks them at a
    /// glance instead of every page hashing the site.
    /// </summary>
    internal object Token(string name, object?[] inputs)
    {
        if (!_tokens.TryGetValue(name, out var known) || !Remembered.Same(known.Inputs, inputs))
        {
            _tokens[name] = known = (inputs, new object());
        }

        return known.Token;
    }

    /// <summary>The timeline's template objects, by language: frozen, so they serve every build whose timeline token is the same.</summary>
    internal IReadOnlyDictionary<string, ScriptObject> Timeline(object token, Func<IReadOnlyDictionary<string, ScriptObject>> make)
    {
        if (_timeline is not { } known || known.Token != token)
        {
            _timeline = known = (token, make());
        }

        return known.Value;
    }

    internal sealed record Entry(Page Page, object SiteKey, object TimelineKey, RenderReads Reads, string? Html, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public RenderedPage? Rendered { get; } = Html is null ? null : new RenderedPage(Page, Html);
    }

    /// <summary>The entry of the page, if any. A page that is the very same object as the last build's page at its place is found there, without a look-up.</summary>
    internal Entry? Known(Page page, int index) =>
        index < _lastPages.Count && ReferenceEquals(_lastPages[index], page) ? _lastEntries[index] : Entries.GetValueOrDefault(page.SourcePath);

    /// <summary>
    /// The paths whose page is not the very same object as at the last build, in either build;
    /// null when the site has more or fewer pages. The page found at any other path is the one
    /// found at the last build.
    /// </summary>
    internal HashSet<string>? ChangedPaths(IReadOnlyList<Page> pages)
    {
        if (pages.Count != _lastPages.Count)
        {
            return null;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            if (!ReferenceEquals(pages[i], _lastPages[i]))
            {
                changed.Add(pages[i].Path);
                changed.Add(_lastPages[i].Path);
            }
        }

        return changed;
    }

    /// <summary>
    /// The link targets of <paramref name="site"/>: those of the last build while the site token
    /// is the same one, since it covers every path they index (pages, media, languages).
    /// </summary>
    internal LinkTargets Targets(object siteKey, Site site)
    {
        if (_targets is not { } known || known.SiteKey != siteKey)
        {
            _targets = known = (siteKey, new LinkTargets(site));
        }

        return known.Targets.For(site);
    }

    /// <summary>Whether <paramref name="templates"/> are those of the last build; remembers them for the next.</summary>
    internal bool SameTemplates(TemplateSet templates)
    {
        var same = _lastTemplates is not null && _lastTemplates.SameAs(templates);
        _lastTemplates = templates;
        return same;
    }

    /// <summary>Notes the pages a render found, so that a change to one of them is known to concern it.</summary>
    internal void Found(RenderReads reads)
    {
        lock (_foundPaths)
        {
            foreach (var page in reads.Pages.Values.OfType<Page>())
            {
                _foundPaths.Add(page.Path);
            }
        }
    }

    /// <summary>
    /// Whether every render of the last build still holds for a page that is the very same object
    /// at the same place: the site and timeline tokens and the templates are the last build's, and
    /// no page that changed was found by any render.
    /// </summary>
    internal bool SameAsLastBuild(object siteKey, object timelineKey, bool sameTemplates, HashSet<string>? changedPaths) =>
        sameTemplates && changedPaths is not null && _lastKeys is { } keys && keys.SiteKey == siteKey && keys.TimelineKey == timelineKey
        && !changedPaths.Overlaps(_foundPaths);

    /// <summary>The last build's entry at <paramref name="index"/>, when the page there is the very same object.</summary>
    internal Entry? KeptAt(int index, Page page) =>
        index < _lastPages.Count && ReferenceEquals(_lastPages[index], page) ? _lastEntries[index] : null;

    /// <summary>
    /// Remembers this build's pages and entries, reports their diagnostics, and returns the pages
    /// rendered; a place that keeps the last build's entry is taken as it was, unread. Drops the
    /// entries of pages the site no longer has.
    /// </summary>
    internal IReadOnlyList<RenderedPage> Keep(IReadOnlyList<Page> pages, Entry[] entries, object siteKey, object timelineKey, DiagnosticBag diagnostics)
    {
        // The last build's renders, copied whole, and each place that did not keep its entry taken from its entry.
        var sameCount = _lastEntries.Length == entries.Length;
        var renderedAt = sameCount ? (RenderedPage[])_lastRendered.Clone() : new RenderedPage[entries.Length];
        var reporting = new List<int>();
        bool Kept(int i) => sameCount && ReferenceEquals(_lastEntries[i], entries[i]);
        for (var i = 0; i < entries.Length; i++)
        {
            if (!Kept(i))
            {
                renderedAt[i] = entries[i].Rendered!;
                if (entries[i].Diagnostics.Count > 0)
                {
                    reporting.Add(i);
                }
            }
        }

        reporting.AddRange(_lastReporting.Where(Kept));
        foreach (var i in reporting)
        {
            diagnostics.AddRange(entries[i].Diagnostics);
        }

        (_lastPages, _lastEntries, _lastRendered, _lastReporting, _lastKeys) = (pages, entries, renderedAt, [.. reporting], (siteKey, timelineKey));
        // Every page rendered (the pages that failed have reported why): the array itself, its places unread.
        IReadOnlyList<RenderedPage> rendered = Array.IndexOf(renderedAt, null) < 0 ? renderedAt : [.. renderedAt.Where(r => r is not null)];
        // Every page of the build has an entry, so as many entries as pages means none is left over.
        if (Entries.Count != pages.Count)
        {
            var keep = pages.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
            foreach (var key in Entries.Keys.Where(k => !keep.Contains(k)))
            {
                Entries.TryRemove(key, out _);
            }
        }

        return rendered;
    }
}
