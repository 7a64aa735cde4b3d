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
/// <param name="timeline">The token of the timeline the render saw, which matters only if it read it.</param>
/// <param name="events">The token of the events' titles and dates the render saw, which matters only if it linked to events.</param>
internal sealed class RenderReads(object timeline, object events)
{
    /// <summary>Templates by name, null for a name that was asked for but did not exist.</summary>
    public Dictionary<string, Template?> Templates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Page?> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths of the pages found, read once the render is done: a later build rechecks the render when a page at one of them changes.</summary>
    public IReadOnlyCollection<string> FoundPaths => field ??= [.. Pages.Values.OfType<Page>().Select(p => p.Path)];

    public bool Timeline { get; set; }

    /// <summary>Whether the render linked to events by title and date (a person's page, an "on this day" page), without reading the whole timeline.</summary>
    public bool Events { get; set; }

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Whether a render that read these would read the same now: the same templates, the same pages at the paths it looked up, the same timeline if it read it.</summary>
    public bool StillHolds(object now, object eventsNow, TemplateSet templates, Func<string, Page?> pageAtPath)
    {
        if ((Timeline && now != timeline) || (Events && eventsNow != events))
        {
            return false;
        }

        foreach (var (name, template) in Templates)
        {
            if (!ReferenceEquals(templates.GetOrNull(name), template))
            {
                return false;
            }
        }

        foreach (var (path, found) in Pages)
        {
            if (!Equals(pageAtPath(path), found))
            {
                return false;
            }
        }

        return true;
    }
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
