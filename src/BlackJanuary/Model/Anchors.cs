namespace BlackJanuary.Model;

/// <summary>
/// The anchors inside the site's pages: each page's heading ids and, on every timeline page (one
/// per language), the id of every event. A link may point at a heading of any page, so its anchor
/// is checked once every page has been rendered; where a link leads does not depend on its
/// anchor, so no page waits for the others' headings to be rendered itself.
/// </summary>
public sealed class Anchors
{
    private readonly Dictionary<string, IReadOnlySet<string>> _byPath;
    private readonly HashSet<string> _timelinePaths;
    private readonly HashSet<string> _events;

    /// <param name="headingIds">The heading ids of each page, in the order of <see cref="Site.Pages"/>.</param>
    public Anchors(Site site, IReadOnlyList<IReadOnlySet<string>> headingIds)
    {
        _byPath = new(site.Pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < site.Pages.Count; i++)
        {
            _byPath[site.Pages[i].Path] = headingIds[i];
        }

        _timelinePaths = site.Pages.Where(p => p.Layout == "timeline").Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        _events = _timelinePaths.Count > 0 ? site.Timeline.Select(e => e.Id).ToHashSet(StringComparer.Ordinal) : [];
    }

    /// <summary>Why <paramref name="fragment"/> (as written, percent escapes and all) names nothing at <paramref name="path"/>, a published path; or null.</summary>
    public string? Problem(string path, string fragment)
    {
        var id = Uri.UnescapeDataString(fragment);
        var found = (_byPath.TryGetValue(path, out var ids) && ids.Contains(id)) || (_timelinePaths.Contains(path) && _events.Contains(id));
        return found ? null : $"/{path} has no anchor #{fragment}";
    }
}
