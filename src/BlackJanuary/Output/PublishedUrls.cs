using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Output;

/// <summary>An address the site promises to keep ("/about/"), and what makes it: a file relative to the site's root, or a generated file's name.</summary>
public sealed record PublishedAddress(string Address, string Source);

/// <summary>
/// The permanence manifest. Every build writes published-urls.txt: each lasting address it serves.
/// A site that commits content/urls.lock (written by 'blackjanuary urls update' after a deploy)
/// promises that every address in it keeps working: a build that no longer serves one, with no
/// alias leading from it, fails, naming the address and the file that made it.
/// </summary>
public static class PublishedUrls
{
    /// <param name="lasting">Each lasting output path with what makes it (see <c>SiteFileSet.Add</c>).</param>
    /// <param name="contentDir">The content folder: sources inside it are written relative to the site's root, the folder that holds it.</param>
    public static IReadOnlyList<PublishedAddress> Of(IEnumerable<(string Path, string Source)> lasting, string contentDir)
    {
        var content = Path.GetFullPath(contentDir);
        var root = Path.GetDirectoryName(content) ?? content;
        string Named(string source) => Path.GetFullPath(source) is var full && full.StartsWith(content + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, full).Replace('\\', '/')
            : source;
        return [.. lasting
            .Select(l => new PublishedAddress(AddressOf(l.Path), Named(l.Source)))
            .DistinctBy(a => a.Address, StringComparer.Ordinal)
            .OrderBy(a => a.Address, StringComparer.Ordinal)];
    }

    /// <summary>The address an output file is served at, as links write it: "about/index.html" → "/about/", "404.html" → "/404.html".</summary>
    public static string AddressOf(string outputPath) =>
        "/" + Urls.EncodePath(outputPath == "index.html" ? "" : outputPath.EndsWith("/index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length] : outputPath);

    /// <summary>published-urls.txt: every address as an absolute URL, one a line, sorted, for people and for tools (an archiver, a link checker).</summary>
    public static string Manifest(SiteConfig config, IReadOnlyList<PublishedAddress> addresses)
    {
        var text = new StringBuilder();
        foreach (var address in addresses)
        {
            text.Append(config.AbsoluteUrlFor(address.Address.TrimStart('/'))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text of content/urls.lock: a header saying what it is, then each address and what made it, a tab between.</summary>
    public static string LockText(IReadOnlyList<PublishedAddress> addresses)
    {
        var text = new StringBuilder("""
            # The addresses this site has published. Every build must keep serving each of them: a
            # build fails when one is gone and no page lists it in 'aliases:'. Written by
            # 'blackjanuary urls update'; run it after each deploy and commit this file.
            # address<TAB>what made it

            """);
        foreach (var address in addresses)
        {
            text.Append(address.Address).Append('\t').Append(address.Source).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>An address of urls.lock, where it is written.</summary>
    private sealed record Locked(string Address, string Source, SourceLocation At);

    /// <summary>Reports each address of content/urls.lock the build no longer serves; nothing when the site has no lock.</summary>
    /// <param name="withdrawn">The site paths of people now kept out of view: their addresses may go (see <see cref="Site.Withdrawn"/>).</param>
    public static void Check(string contentDir, IReadOnlyList<PublishedAddress> addresses, IReadOnlySet<string> withdrawn, DiagnosticBag diagnostics, FileMemo? memo)
    {
        var file = Path.Combine(contentDir, GeneratedFiles.UrlsLockFile);
        if (!File.Exists(file))
        {
            return;
        }

        var locked = FileMemo.Read(memo, file, diagnostics, d => Read(file, d)) ?? [];
        var served = addresses.Select(a => a.Address).ToHashSet(StringComparer.Ordinal);
        served.UnionWith(withdrawn.Select(AddressOf));
        foreach (var entry in locked.Where(e => !served.Contains(e.Address)))
        {
            var madeBy = entry.Source.Length > 0 ? $" (made by {entry.Source})" : "";
            var isPage = entry.Address.EndsWith('/') || entry.Address.EndsWith(".html", StringComparison.Ordinal);
            diagnostics.Error(DiagnosticCodes.LostAddress, entry.At, $"{entry.Address} was published{madeBy}, and this build no longer serves it, so links to it from elsewhere would break; "
                + (isPage ? $"add 'aliases: [{entry.Address}]' to the front matter of the page that replaces it" : "publish a file at that path again")
                + ", or, if it is gone on purpose, run 'blackjanuary urls update'");
        }
    }

    private static List<Locked> Read(string file, DiagnosticBag diagnostics)
    {
        var locked = new List<Locked>();
        var text = TextFile.Read(file, diagnostics);
        var line = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            line++;
            var content = raw.TrimEnd('\r');
            if (content.Trim().Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            var parts = content.Split('\t', 2);
            if (!parts[0].StartsWith('/') || parts[0].Any(char.IsWhiteSpace))
            {
                diagnostics.Error(DiagnosticCodes.InvalidUrlsLock, new SourceLocation(file, line, 1),
                    $"'{parts[0]}' is not an address from the site's root, like '/about/'; each line is an address, a tab and what made it (run 'blackjanuary urls update' to write the file anew)");
                continue;
            }

            locked.Add(new Locked(parts[0], parts.Length > 1 ? parts[1].Trim() : "", new SourceLocation(file, line, 1)));
        }

        return locked;
    }

    /// <summary>Writes content/urls.lock (replaced whole); returns how many addresses it gained and lost.</summary>
    public static (int Added, int Removed) Update(string contentDir, IReadOnlyList<PublishedAddress> addresses)
    {
        var file = Path.Combine(contentDir, GeneratedFiles.UrlsLockFile);
        var before = File.Exists(file) ? Read(file, new DiagnosticBag()).Select(l => l.Address).ToHashSet(StringComparer.Ordinal) : [];
        var after = addresses.Select(a => a.Address).ToHashSet(StringComparer.Ordinal);
        WholeFile.Replace(file, temporary => File.WriteAllText(temporary, LockText(addresses), new UTF8Encoding(false)));
        return (after.Count(a => !before.Contains(a)), before.Count(a => !after.Contains(a)));
    }
}
