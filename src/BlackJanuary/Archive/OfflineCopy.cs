using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlackJanuary.Model;

namespace BlackJanuary.Archive;

/// <summary>
/// The built site made to work opened from the file system (file://), as CollectionBuilder's
/// offline build: every link, source and CSS url() to the site's own files made relative, with
/// index.html named, since no server turns "about/" into "about/index.html" there.
/// </summary>
public static partial class OfflineCopy
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The attributes that hold one address, by element.</summary>
    private static readonly (string Selector, string Attribute)[] Addresses =
    [
        ("a[href], area[href]", "href"),
        // The canonical address names where the page lives on the web; it stays absolute.
        ("link[href]:not([rel~='canonical' i])", "href"),
        ("img[src], source[src], video[src], audio[src], track[src], script[src], iframe[src], embed[src], input[src]", "src"),
        ("video[poster]", "poster"),
        ("object[data]", "data"),
        ("form[action]", "action"),
    ];

    /// <summary>
    /// The offline copy of <paramref name="files"/> (output path → file), served at
    /// <paramref name="baseUrl"/>: pages and style sheets rewritten, every other file as it is.
    /// </summary>
    /// <exception cref="IOException">A page or style sheet copied into the site could not be read.</exception>
    public static IReadOnlyDictionary<string, SiteFile> Of(IReadOnlyDictionary<string, SiteFile> files, Uri baseUrl)
    {
        var copy = new Dictionary<string, SiteFile>(files.Count, StringComparer.Ordinal);
        foreach (var (path, file) in files)
        {
            copy[path] = ContentTypes.IsHtml(path) ? SiteFile.Generated(Page(path, Text(file), files, baseUrl))
                : ContentTypes.Of(path).StartsWith("text/css", StringComparison.Ordinal) ? SiteFile.Generated(Css(path, Text(file), files, baseUrl))
                : file;
        }

        return copy;
    }

    private static string Text(SiteFile file) => file.Text ?? Encoding.UTF8.GetString(SiteFileBytes.Read(file));

    private static string Page(string path, string html, IReadOnlyDictionary<string, SiteFile> files, Uri baseUrl)
    {
        using var document = Parser.ParseDocument(html);
        string Local(string address) => Relative(path, address, files, baseUrl);

        // No base: every relative address resolves against the file itself.
        foreach (var element in document.QuerySelectorAll("base").ToList())
        {
            element.Remove();
        }

        // The policy's 'self' names the site's origin; a file: page has none that browsers agree
        // on, and some would refuse the page's own style sheet and script under it.
        foreach (var element in document.QuerySelectorAll("meta[http-equiv='content-security-policy' i]").ToList())
        {
            element.Remove();
        }

        foreach (var (selector, attribute) in Addresses)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                element.SetAttribute(attribute, Local(element.GetAttribute(attribute)!));
            }
        }

        foreach (var element in document.QuerySelectorAll("img[srcset], source[srcset]"))
        {
            element.SetAttribute("srcset", SrcSet(element.GetAttribute("srcset")!, Local));
        }

        // A redirect page (an old address) leads on to the page's new place.
        foreach (var element in document.QuerySelectorAll("meta[http-equiv='refresh' i][content]"))
        {
            element.SetAttribute("content", RefreshUrl().Replace(element.GetAttribute("content")!, m => m.Groups[1].Value + Local(m.Groups[2].Value), 1));
        }

        foreach (var element in document.QuerySelectorAll("[style]"))
        {
            element.SetAttribute("style", CssUrls(element.GetAttribute("style")!, Local));
        }

        foreach (var element in document.QuerySelectorAll("style"))
        {
            element.TextContent = CssUrls(element.TextContent, Local);
        }

        return document.ToHtml();
    }

    private static string Css(string path, string css, IReadOnlyDictionary<string, SiteFile> files, Uri baseUrl) =>
        CssUrls(css, address => Relative(path, address, files, baseUrl));

    private static string CssUrls(string css, Func<string, string> local)
    {
        css = CssUrl().Replace(css, m => $"url({m.Groups[1].Value}{local(m.Groups[2].Value)}{m.Groups[1].Value})");
        return CssImport().Replace(css, m => $"@import {m.Groups[1].Value}{local(m.Groups[2].Value)}{m.Groups[1].Value}");
    }

    /// <summary>"a.jpg 480w, b.jpg 960w" with each address made local, its descriptor kept.</summary>
    private static string SrcSet(string srcset, Func<string, string> local) =>
        string.Join(", ", srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(candidate =>
        {
            var space = candidate.IndexOfAny([' ', '\t', '\n']);
            return space < 0 ? local(candidate) : local(candidate[..space]) + candidate[space..];
        }));

    /// <summary>
    /// <paramref name="address"/>, written in the file at <paramref name="from"/>, as a path
    /// relative to that file when it leads to the site's own files; any other address as it is.
    /// </summary>
    public static string Relative(string from, string address, IReadOnlyDictionary<string, SiteFile> files, Uri baseUrl)
    {
        var trimmed = address.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || Urls.RunsCode(trimmed)
            || !Uri.TryCreate(new Uri(Wacz.UrlOf(baseUrl, from)), trimmed, out var target)
            || !string.Equals(target.GetLeftPart(UriPartial.Authority), baseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            || !target.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal))
        {
            return address;
        }

        var path = Uri.UnescapeDataString(target.AbsolutePath[baseUrl.AbsolutePath.Length..]);
        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += "index.html";
        }
        else if (!files.ContainsKey(path) && files.ContainsKey(path + "/index.html"))
        {
            path += "/index.html";
        }

        var here = from.Split('/')[..^1];
        var there = path.Split('/');
        var common = 0;
        while (common < here.Length && common < there.Length - 1 && here[common] == there[common])
        {
            common++;
        }

        var up = string.Concat(Enumerable.Repeat("../", here.Length - common));
        return up + string.Join('/', there[common..].Select(Uri.EscapeDataString)) + target.Fragment;
    }

    [GeneratedRegex(@"url\(\s*(['""]?)([^'""\)]*)\1\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"@import\s+(['""])([^'""]*)\1", RegexOptions.IgnoreCase)]
    private static partial Regex CssImport();

    [GeneratedRegex(@"(;\s*url\s*=\s*)(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshUrl();
}
