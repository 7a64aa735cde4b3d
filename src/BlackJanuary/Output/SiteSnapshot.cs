using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// A built site held in memory: every output file by its path in the output folder. The build
/// writes it to disk; the dev server serves it as it is, so that a visitor never sees a page of
/// a build that has not finished.
/// </summary>
public sealed record SiteSnapshot(
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Succeeded,
    Site? Site,
    IReadOnlyDictionary<string, SiteFile> Files,
    int Pages,
    int PagesRendered)
{
    /// <summary>The files a disk build wrote, once it swapped them in; 0 in memory.</summary>
    public int FilesWritten { get; init; }

    /// <summary>Every address the site promises to keep (published-urls.txt), with the file that makes it; what 'urls update' records.</summary>
    public IReadOnlyList<PublishedAddress> Addresses { get; init; } = [];
}

/// <summary>
/// The output files gathered by path. Two inputs that want the same path are an error naming
/// both, never one silently overwriting the other; so are two paths that differ only in case or
/// Unicode normalisation, and a path that is a file for one input and a folder for another,
/// because hosts that ignore case (macOS, Windows, many CDNs) would keep only one of them.
/// </summary>
/// <remarks>
/// What the checks find depends only on the paths and what they are made from, in the order they
/// were added; a rebuild usually adds the very same ones, and then the session's last findings
/// hold without checking 10,000 paths again.
/// </remarks>
internal sealed class SiteFileSet
{
    // The pages first, as the template stage gave them, then every other file in the order added.
    private IReadOnlyList<RenderedPage> _pages = [];
    private bool _pagesWritten;
    private readonly List<(string Path, SiteFile File, string Source)> _added = [];
    private readonly List<(string Path, string Source)> _lasting = [];

    /// <summary>The rendered pages, each written to its output file.</summary>
    /// <param name="written">True when they are on disk already, written as they were rendered: only their paths are kept.</param>
    public void AddPages(IReadOnlyList<RenderedPage> pages, bool written) => (_pages, _pagesWritten) = (pages, written);

    /// <param name="source">What the file is made from, named in the error if another input wants its path.</param>
    /// <param name="lasting">
    /// Whether its address is one readers and other sites may keep (a document, a feed, a redirect),
    /// rather than one named by its content (a fingerprinted asset, an image's size, the search
    /// index) that pages always link to afresh. Every page is lasting.
    /// </param>
    public void Add(string path, SiteFile file, string source, bool lasting)
    {
        _added.Add((path, file, source));
        if (lasting)
        {
            _lasting.Add((path, source));
        }
    }

    /// <summary>The output paths of the lasting files (see <see cref="Add"/>), the pages first, each with what makes it.</summary>
    public IEnumerable<(string Path, string Source)> Lasting() =>
        _pages.Select(p => (p.OutputFile, p.Page.SourcePath)).Concat(_lasting);

    private int Count => _pages.Count + _added.Count;

    private (string Path, SiteFile File, string Source) At(int i) => i < _pages.Count
        ? (_pages[i].OutputFile, _pagesWritten ? SiteFile.Written : _pages[i].File, _pages[i].Page.SourcePath)
        : _added[i - _pages.Count];

    /// <summary>What checking the pages' paths found: every path and folder seen, with what made it, and the place of each page admitted.</summary>
    private sealed record CheckedPaths(Dictionary<string, (string Path, bool IsFolder, string Source)> Entries, Dictionary<string, int> Admitted);

    /// <summary>What the checks of the paths read: each path and what it is made from, in the order added.</summary>
    private sealed record PathsKey(ByPlace<RenderedPage> Pages, Values<(string Path, string Source)> Added);

    /// <summary>Checks the paths, reports each problem, and returns the files that can be written.</summary>
    /// <param name="session">Keeps the findings, and where each admitted path is, while a rebuild adds the same paths from the same sources in the same order.</param>
    public IReadOnlyDictionary<string, SiteFile> Check(DiagnosticBag diagnostics, Session? session)
    {
        // The pages' paths are checked apart from the other files', which change without them
        // (a search index's shard named by its content): a rebuild that changes only those checks only those.
        var pages = new ByPlace<RenderedPage>(_pages, RenderedPage.SamePath);
        var checkedPages = Session.Once(session, "output.paths.pages", pages, diagnostics, found =>
        {
            var entries = new Dictionary<string, (string Path, bool IsFolder, string Source)>(StringComparer.Ordinal);
            var admitted = new Dictionary<string, int>(Count, StringComparer.Ordinal);
            for (var i = 0; i < _pages.Count; i++)
            {
                var (path, _, source) = At(i);
                if (Admit(path, source, entries, found))
                {
                    admitted[path] = i;
                }
            }

            return new CheckedPaths(entries, admitted);
        });
        var key = new PathsKey(pages, new Values<(string, string)>([.. _added.Select(a => (a.Path, a.Source))]));
        var places = Session.Once(session, "output.paths", key, diagnostics, found =>
        {
            var entries = new Dictionary<string, (string Path, bool IsFolder, string Source)>(checkedPages.Entries, StringComparer.Ordinal);
            var admitted = new Dictionary<string, int>(checkedPages.Admitted, StringComparer.Ordinal);
            for (var i = _pages.Count; i < Count; i++)
            {
                var (path, _, source) = At(i);
                if (Admit(path, source, entries, found))
                {
                    admitted[path] = i;
                }
            }

            return admitted;
        });
        return new Planned(this, places);
    }

    /// <summary>
    /// The files of the set by path: each admitted path's place, and the file at that place in this
    /// set. A rebuild with the same paths keeps the places, so no dictionary of 10,000 paths is made again.
    /// </summary>
    private sealed class Planned(SiteFileSet set, Dictionary<string, int> places) : IReadOnlyDictionary<string, SiteFile>
    {
        public SiteFile this[string key] => set.At(places[key]).File;

        public IEnumerable<string> Keys => places.Keys;

        public IEnumerable<SiteFile> Values => places.Values.Select(i => set.At(i).File);

        public int Count => places.Count;

        public bool ContainsKey(string key) => places.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out SiteFile value)
        {
            var found = places.TryGetValue(key, out var i);
            value = found ? set.At(i).File : null;
            return found;
        }

        public IEnumerator<KeyValuePair<string, SiteFile>> GetEnumerator() =>
            places.Select(p => KeyValuePair.Create(p.Key, set.At(p.Value).File)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Whether a file may be written at <paramref name="path"/>; reports why not.</summary>
    /// <param name="entries">Every file and folder admitted so far by its host key (see OutputNames.HostKey): what it is, and who made it.</param>
    private static bool Admit(string path, string source, Dictionary<string, (string Path, bool IsFolder, string Source)> entries, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(source);
        if (OutputNames.Problem(path) is { } problem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, at, problem);
            return false;
        }

        // The file and each folder above it: "media/a/b.jpg" is the folders media and media/a, and the file.
        var parts = path.Split('/');
        var all = Enumerable.Range(1, parts.Length).Select(n => (Path: string.Join('/', parts[..n]), IsFolder: n < parts.Length)).ToList();
        foreach (var (entry, isFolder) in all)
        {
            if (entries.TryGetValue(OutputNames.HostKey(entry), out var other) && !(isFolder && other.IsFolder && other.Path == entry))
            {
                diagnostics.Error(DiagnosticCodes.OutputFailed, at, Clash(path, entry, isFolder, other));
                return false;
            }
        }

        foreach (var (entry, isFolder) in all)
        {
            entries.TryAdd(OutputNames.HostKey(entry), (entry, isFolder, source));
        }

        return true;
    }

    private static string Clash(string path, string entry, bool isFolder, (string Path, bool IsFolder, string Source) other)
    {
        if (isFolder != other.IsFolder)
        {
            var (file, folder) = isFolder ? (other.Path, entry) : (entry, other.Path);
            return $"this file and {other.Source} would need {file} to be a file and {folder} a folder; rename or move one of them";
        }

        if (entry == other.Path)
        {
            return $"this file and {other.Source} would both be written to {path}; rename or move one of them";
        }

        var how = entry.Normalize(NormalizationForm.FormC) == other.Path.Normalize(NormalizationForm.FormC)
            ? "the same letters in two Unicode forms (composed and decomposed, as macOS and Windows may save them)"
            : "the same name but for upper and lower case";
        return $"this file would be written to {path}, and {other.Source} to {other.Path}{(other.IsFolder ? "/…" : "")}: {how}; " +
            "hosts that ignore case or Unicode form (macOS, Windows, many CDNs) would keep only one of them, so rename one";
    }
}

/// <summary>
/// Which output names every host can store and serve. The output is copied between Linux, macOS
/// and Windows machines, Git checkouts and CDNs, so a name must be valid on all of them.
/// </summary>
internal static class OutputNames
{
    private static readonly SearchValues<char> WindowsForbidden = SearchValues.Create("<>:\"|?*\\");

    /// <summary>
    /// The key under which a host that ignores case and Unicode form (APFS, NTFS, many CDNs)
    /// stores a path: two paths with the same key are one file there.
    /// </summary>
    public static string HostKey(string path) => path.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    /// <summary>
    /// Why <paramref name="path"/> (relative, '/'-separated) cannot be an output path, or null.
    /// It must stay inside the output folder and each name in it must be valid on every host.
    /// </summary>
    public static string? Problem(string path)
    {
        foreach (var name in path.Split('/'))
        {
            if (name is "" or "." or "..")
            {
                return $"'{path}' is not a path inside the output folder (it has an empty, '.' or '..' part, or starts with '/'); give the file a plain name";
            }

            if (NameProblem(name) is { } problem)
            {
                return $"the name '{name}' in {path} {problem}; rename it, since the site must be copyable to any host";
            }
        }

        return null;
    }

    private static string? NameProblem(string name)
    {
        if (name.Any(char.IsControl))
        {
            return $"contains the control character U+{(int)name.First(char.IsControl):X4}";
        }

        if (Encoding.UTF8.GetByteCount(name) is var bytes and > 255)
        {
            return $"is {bytes} bytes long in UTF-8, and file systems allow 255 bytes in a name";
        }

        if (name.IndexOfAny(WindowsForbidden) is var bad and >= 0)
        {
            return $"contains '{name[bad]}', which Windows does not allow in file names";
        }

        if (name.EndsWith('.') || name.EndsWith(' '))
        {
            return "ends with a dot or a space, which Windows removes";
        }

        // Windows reserves device names with any extension ("con.jpg", "LPT1.tar.gz"), also
        // with spaces before the dot, and the superscript-digit forms.
        var stem = name.Split('.')[0].TrimEnd(' ').ToUpperInvariant();
        if (stem is "CON" or "PRN" or "AUX" or "NUL"
            || (stem.Length == 4 && stem[..3] is "COM" or "LPT" && stem[3] is (>= '0' and <= '9') or '¹' or '²' or '³'))
        {
            return $"is a device name that Windows reserves ({stem}, with any extension)";
        }

        return null;
    }
}
