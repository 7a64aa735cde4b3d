using System.Globalization;
using System.Text.RegularExpressions;

namespace BlackJanuary.Model;

public static partial class Urls
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>Schemes whose URLs the WHATWG parser reads with '\' as '/', as it reads a URL with no scheme against a web page's.</summary>
    private static readonly string[] SpecialSchemes = ["http", "https", "ftp", "ws", "wss", "file"];

    /// <summary>
    /// A URL as a browser's URL parser reads it (WHATWG), the one form every judgement of a URL
    /// from content is made on (<see cref="IsExternal"/>, <see cref="RunsCode"/>, where a link
    /// leads, what the feed writes): C0 controls and spaces cut from both ends, tabs and line breaks
    /// removed everywhere ("/\t/host" is "//host"), and '\' read as '/' unless the scheme is not one
    /// of the web's ("/\host", "\\host" and "https:\\host" lead to host). Character references
    /// are the HTML parser's business: Markdig and the sanitiser decode them, and HTML text that is
    /// read here goes through <see cref="NormalizeAttribute"/>.
    /// </summary>
    public static string Normalize(string url)
    {
        var trimmed = url.Trim(C0AndSpace);
        var clean = trimmed.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0
            ? string.Concat(trimmed.Where(c => c is not ('\t' or '\n' or '\r')))
            : trimmed;
        return clean.Contains('\\', StringComparison.Ordinal) && (SchemeOf(clean) is not { } scheme || SpecialSchemes.Contains(scheme))
            ? clean.Replace('\\', '/')
            : clean;
    }

    /// <summary>
    /// The URL an attribute's text in HTML stands for: its character references decoded as the
    /// HTML parser decodes them ("/&amp;#x5C;host" is "/\host"; a numeric one even without its ';'),
    /// then <see cref="Normalize"/>d.
    /// </summary>
    public static string NormalizeAttribute(string text) =>
        Normalize(text.Contains('&', StringComparison.Ordinal)
            ? Markdig.Helpers.HtmlHelper.Unescape(NumericReference().Replace(text, m => char.ConvertFromUtf32(Codepoint(m))), removeBackSlash: false)
            : text);

    /// <summary>A numeric character reference, which the HTML parser decodes in an attribute even without its ';'.</summary>
    [GeneratedRegex("&#(?:[xX](?<hex>[0-9a-fA-F]{1,6})|(?<dec>[0-9]{1,7}));?")]
    private static partial Regex NumericReference();

    /// <summary>The character a numeric reference stands for; U+FFFD for none, as the HTML parser has it.</summary>
    private static int Codepoint(Match m)
    {
        var value = m.Groups["hex"].Success ? int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : int.Parse(m.Groups["dec"].Value, CultureInfo.InvariantCulture);
        return value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? 0xFFFD : value;
    }

    private static readonly char[] C0AndSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    /// <summary>The scheme of a normalized URL in lower case ("https"), or null for a URL without one.</summary>
    public static string? SchemeOf(string normalized) =>
        Scheme().Match(normalized) is { Success: true } m ? m.Value[..^1].ToLowerInvariant() : null;

    /// <summary>True for links the site does not serve: any scheme ("https:", "mailto:") or "//host", as a browser reads them (<see cref="Normalize"/>).</summary>
    public static bool IsExternal(string url)
    {
        var normalized = Normalize(url);
        return normalized.StartsWith("//", StringComparison.Ordinal) || SchemeOf(normalized) is not null;
    }

    /// <summary>
    /// True for "javascript:", "vbscript:" and "data:" links, which run code or carry a document
    /// instead of leading somewhere. Besides what <see cref="Normalize"/> removes, any white space
    /// or control character inside a scheme ("java\u0001script:") is ignored too, to be safe.
    /// </summary>
    public static bool RunsCode(string url)
    {
        var normalized = Normalize(url);
        var colon = normalized.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon <= 0 ? "" : new string(normalized[..colon].Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
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
