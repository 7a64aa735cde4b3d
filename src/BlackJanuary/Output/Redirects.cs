using System.Net;
using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// The pages' aliases made into redirects: a page at each old address that sends the reader on
/// without a script (any host), and the same redirects in _redirects (hosts that redirect
/// themselves answer with a real 301). One list of aliases makes both.
/// </summary>
internal static class Redirects
{
    /// <summary>Each redirect page, then _redirects when there is any: path, text, and the page file the alias is written in.</summary>
    public static List<(string Path, string Text, string Source)> Files(Site site, DiagnosticBag diagnostics)
    {
        var files = new List<(string, string, string)>();
        if (!site.Pages.Any(p => p.Aliases.Count > 0))
        {
            return files;
        }

        var c = site.Config;
        var pages = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var page in site.Pages)
        {
            pages.TryAdd(OutputNames.HostKey(page.OutputFile), page);
        }

        var taken = new Dictionary<string, PageAlias>(StringComparer.Ordinal);
        var lines = new StringBuilder();
        foreach (var page in site.Pages)
        {
            foreach (var alias in page.Aliases)
            {
                var key = OutputNames.HostKey(alias.OutputFile);
                if (pages.TryGetValue(key, out var other))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateUrl, alias.At, ReferenceEquals(other, page)
                        ? $"alias '/{alias.Path}' is this page's own address; remove it"
                        : $"alias '/{alias.Path}' is the address of {other.SourcePath}, which the site publishes, so it cannot also lead here; remove the alias, or move that page");
                    continue;
                }

                if (!taken.TryAdd(key, alias))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateUrl, alias.At,
                        $"alias '/{alias.Path}' is also written in {taken[key].At.File}, line {taken[key].At.Line}; an old address can lead to one page only, so remove one of them");
                    continue;
                }

                files.Add((alias.OutputFile, Page(c, page.Language, page.Title, page.Path), page.SourcePath));
                lines.Append(c.PathFor(alias.Path)).Append(' ').Append(c.PathFor(page.Path)).Append(" 301\n");
            }
        }

        if (lines.Length > 0)
        {
            files.Add((GeneratedFiles.RedirectsFile, lines.ToString(), $"the generated {GeneratedFiles.RedirectsFile}"));
        }

        return files;
    }

    /// <summary>
    /// A page that sends the reader to <paramref name="target"/> at once, without a script (the
    /// CSP allows none), and tells search engines the target is the address to keep.
    /// </summary>
    public static string Page(SiteConfig c, string language, string title, string target)
    {
        var href = WebUtility.HtmlEncode(c.PathFor(target));
        var text = WebUtility.HtmlEncode(title);
        return $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(language)}">
            <head>
            <meta charset="utf-8">
            <title>{text}</title>
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url={href}">
            <link rel="canonical" href="{WebUtility.HtmlEncode(c.AbsoluteUrlFor(target))}">
            </head>
            <body>
            <p><a href="{href}">{text}</a></p>
            </body>
            </html>

            """;
    }
}
