using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

/// <summary>
/// An address a page was once published at ('aliases:'), which keeps leading to it: a redirect
/// page is written there and the same redirect into _redirects.
/// </summary>
/// <param name="Path">The site path as published, without the leading '/': "old/path/" (a folder's page) or "old/page.html".</param>
/// <param name="At">Where the alias is written, where a collision or a mistake in it is reported.</param>
public sealed record PageAlias(string Path, SourceLocation At)
{
    /// <summary>The file the redirect page is written to: "old/path/index.html", or the .html file named.</summary>
    public string OutputFile => Page.OutputFileOf(Path);

    /// <summary>
    /// The alias an editor wrote ('/old/path/', 'old/page.html') as a site path, or why it cannot
    /// be one. A path without '.html' names a folder's page, as Hugo reads aliases.
    /// </summary>
    public static (string? Path, string? Problem) Parse(string written)
    {
        var text = written.Trim();
        if (Urls.IsExternal(text))
        {
            return (null, $"alias '{written}' is another site's address; write the path this site once published, from its root, like '/old/path/'");
        }

        if (text.IndexOfAny(['?', '#', '\\']) >= 0)
        {
            return (null, $"alias '{written}' has a '?', '#' or '\\'; write only the path this site once published, like '/old/path/'");
        }

        var path = Uri.UnescapeDataString(text.TrimStart('/'));
        if (path.Length == 0)
        {
            return (null, "an alias cannot be the site's home page, which always exists; remove it");
        }

        var parts = path.TrimEnd('/').Split('/');
        if (parts.Any(p => p is "" or "." or ".."))
        {
            return (null, $"alias '{written}' has an empty, '.' or '..' part; write the path as it was published, like '/old/path/'");
        }

        var last = parts[^1];
        var isPage = last.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || last.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
        if (!isPage && last.Contains('.', StringComparison.Ordinal))
        {
            return (null, $"alias '{written}' names a file that is not a page; an alias is a page's old address, ending in '/' or '.html'");
        }

        return (isPage ? path : path.TrimEnd('/') + "/", null);
    }
}
