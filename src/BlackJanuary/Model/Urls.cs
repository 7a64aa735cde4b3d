using System.Text.RegularExpressions;

namespace BlackJanuary.Model;

public static partial class Urls
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>True for links the site does not serve: any scheme ("https:", "mailto:") or "//host".</summary>
    public static bool IsExternal(string url) => url.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(url);

    /// <summary>
    /// Percent-encodes each segment of a site path ("media/Black January.jpg" →
    /// "media/Black%20January.jpg"), leaving a "?query" or "#fragment" and existing escapes alone.
    /// </summary>
    public static string EncodePath(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        var (pathPart, suffix) = end >= 0 ? (path[..end], path[end..]) : (path, "");
        return string.Join('/', pathPart.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s)))) + suffix;
    }
}
