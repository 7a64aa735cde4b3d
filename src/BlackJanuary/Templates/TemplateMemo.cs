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

    private readonly Dictionary<string, (object?[] Inputs, object Token)> _tokens = new(StringComparer.Ordinal);
    private (object Token, IReadOnlyDictionary<string, ScriptObject> Value)? _timeline;
    private TemplateSet? _lastTemplates;
    private IReadOnlyList<Page> _lastPages = [];
    private Entry[] _lastEntries = [];

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

    /// <summary>Whether <paramref name="templates"/> are those of the last build; remembers them for the next.</summary>
    internal bool SameTemplates(TemplateSet templates)
    {
        var same = _lastTemplates is not null && _lastTemplates.SameAs(templates);
        _lastTemplates = templates;
        return same;
    }

    /// <summary>Remembers this build's pages and entries, and drops the entries of pages the site no longer has.</summary>
    internal void Keep(IReadOnlyList<Page> pages, Entry[] entries)
    {
        (_lastPages, _lastEntries) = (pages, entries);
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
