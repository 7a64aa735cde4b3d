namespace BlackJanuary.Output;

/// <summary>
/// Site files (sitemap, feed) kept between the builds of a session with what each was made from,
/// so that a rebuild that changes none of that does not write the sitemap of 10,000 pages again.
/// </summary>
public sealed class SiteFilesMemo
{
    private readonly Dictionary<string, (object?[] Inputs, string Text)> _files = new(StringComparer.Ordinal);

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
