using System.Text.RegularExpressions;

namespace BlackJanuary.Model;

public static partial class Urls
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>True for links the site does not serve: any scheme ("https:", "mailto:") or "//host".</summary>
    public static bool IsExternal(string url) => url.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(url);

    /// <summary>
    /// True for "javascript:", "vbscript:" and "data:" links, which run code or carry a document
    /// instead of leading somewhere. Browsers ignore whitespace and control characters inside a
    /// scheme ("java\tscript:"), so this does too.
    /// </summary>
    public static bool RunsCode(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon <= 0 ? "" : new string(url[..colon].Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return scheme is "javascript" or "vbscript" or "data";
    }

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
