using BlackJanuary.Model;
using BlackJanuary.Incremental;

namespace BlackJanuary.Output;

/// <summary>
/// Site files (sitemap, feed) kept between the builds of a session with what each was made from,
/// so that a rebuild that changes none of that does not write the sitemap of 10,000 pages again.
/// </summary>
public sealed class SiteFilesMemo
{
    private readonly Dictionary<string, (object?[] Inputs, string Text)> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ByPlace<Page> Pages, List<int> Places)> _newest = new(StringComparer.Ordinal);

    /// <summary>
    /// The newest pages of a language, for its feed: at the places <paramref name="find"/> found
    /// at the last build while every page there has the same date, path and language as then.
    /// </summary>
    internal List<Page> Newest(Site site, string language, Func<Site, string, List<int>> find)
    {
        var pages = new ByPlace<Page>(site.Pages, (a, b) => a.Date == b.Date && a.Path == b.Path && a.Language == b.Language);
        var places = _newest.TryGetValue(language, out var last) && last.Pages.Equals(pages) ? last.Places : find(site, language);
        _newest[language] = (pages, places);
        return [.. places.Select(i => site.Pages[i])];
    }

    /// <summary>
    /// The text of <paramref name="path"/>: the last one when its <paramref name="inputs"/> are
    /// equal to the last ones (lists item by item), else the one <paramref name="make"/> makes.
    /// </summary>
    internal string Text(string path, object?[] inputs, Func<string> make)
    {
        if (_files.TryGetValue(path, out var known) && Remembered.Same(known.Inputs, inputs))
        {
            return known.Text;
        }

        var text = make();
        _files[path] = (inputs, text);
        return text;
    }
}
