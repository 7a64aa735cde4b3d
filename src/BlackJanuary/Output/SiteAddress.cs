using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// What an address of a built site leads to, as a host serves it: a folder's address ("/about/")
/// to the index.html its page was written to, a file's to the file, an address that misses only
/// a folder's final slash to that folder, and anything else to the site's 404 page.
/// </summary>
public abstract record SiteAddress
{
    private SiteAddress()
    {
    }

    /// <summary>
    /// The folder's address with its final slash ("/about/"), for the browser to ask again: the
    /// page's relative links resolve against the folder only then. Without the query, which the
    /// caller keeps.
    /// </summary>
    public sealed record Redirect(string Location) : SiteAddress;

    /// <summary>The output file at <paramref name="Path"/>.</summary>
    public sealed record Found(string Path, SiteFile File) : SiteAddress;

    /// <summary>Nothing is at the address: <paramref name="NotFoundPage"/> is the site's 404 page, null when it has none.</summary>
    public sealed record Missing(Found? NotFoundPage) : SiteAddress;

    /// <summary>What <paramref name="requestPath"/> (as the request has it: "/", percent-encoded) leads to in <paramref name="files"/>.</summary>
    public static SiteAddress Of(IReadOnlyDictionary<string, SiteFile> files, string requestPath)
    {
        var relative = Uri.UnescapeDataString(requestPath.TrimStart('/'));
        var folder = relative.Length == 0 || relative.EndsWith('/');
        var segments = relative.Split('/');
        // An empty segment ("%2Fhost") would put '//' in the Location: no output path has one anyway.
        if (!folder && !segments.Contains("") && !files.ContainsKey(relative) && files.ContainsKey(Page.OutputFileOf(relative + "/")))
        {
            // Built from the decoded segments, so that '//host' can never become the Location.
            return new Redirect("/" + string.Join('/', segments.Select(Uri.EscapeDataString)) + "/");
        }

        var key = folder ? Page.OutputFileOf(relative) : relative;
        if (files.TryGetValue(key, out var file))
        {
            return new Found(key, file);
        }

        return new Missing(files.TryGetValue(Page.NotFoundPath, out var notFound) ? new Found(Page.NotFoundPath, notFound) : null);
    }
}
