using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>The content folder itself: that it is a real folder, and what in it the build does not read.</summary>
internal static class ContentFolder
{
    /// <summary>What a content folder may hold; the build reads nothing else in it (hidden entries aside).</summary>
    private static readonly IReadOnlyList<string> ContentEntries = ["site.yaml", "pages", "timeline.yaml", "people", "people.csv", "media", "templates", GeneratedFiles.UrlsLockFile];

    /// <summary>
    /// Warns about each entry of the content folder the build does not read: 'timeline.yml' or
    /// 'page/' would otherwise be left out of the site without a word.
    /// </summary>
    internal static void WarnUnknownEntries(string contentDir, DiagnosticBag diagnostics)
    {
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(contentDir, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden }).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                if (!ContentEntries.Contains(name))
                {
                    diagnostics.Warning(DiagnosticCodes.UnknownContentEntry, new SourceLocation(entry),
                        $"the build does not read '{name}', so nothing of it is published; a content folder holds {string.Join(", ", ContentEntries)}"
                        + (Suggest.Nearest(name, ContentEntries) is { } near ? $": did you mean '{near}'?" : ""));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading what the folder holds reports the same problem at the files themselves.
        }
    }

    /// <summary>True when <paramref name="contentDir"/> is a real folder; reports why not.</summary>
    internal static bool Exists(string contentDir, DiagnosticBag diagnostics)
    {
        return SafeFolder.Required(contentDir, isFolder: true, "content folder not found; pass --content DIR or run from the folder that holds content/", diagnostics)
            && SafeFolder.IsReal(contentDir, diagnostics);
    }
}
