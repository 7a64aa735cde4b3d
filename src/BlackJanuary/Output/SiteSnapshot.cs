using System.Buffers;
using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Templates;

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
    int PagesRendered);

/// <summary>An output file: generated text, or a file copied as it is (assets, media).</summary>
public sealed record SiteFile(string? Text, string? SourceFile)
{
    public static SiteFile Generated(string text) => new(text, null);

    public static SiteFile CopyOf(string sourceFile) => new(null, sourceFile);

    /// <summary>A page a one-off build wrote to the output as soon as it was rendered: only its path is kept.</summary>
    public static SiteFile Written { get; } = new(null, null);
}

/// <summary>
/// The output files gathered by path. Two inputs that want the same path are an error naming
/// both, never one silently overwriting the other; so are two paths that differ only in case or
/// Unicode normalisation, and a path that is a file for one input and a folder for another,
/// because hosts that ignore case (macOS, Windows, many CDNs) would keep only one of them.
/// </summary>
/// <remarks>
/// What the checks find depends only on the paths and what they are made from, in the order they
/// were added; a rebuild usually adds the very same ones, and then the last build's findings
/// hold without checking 10,000 paths again.
/// </remarks>
internal sealed class SiteFileSet
{
    // The pages first, as the template stage gave them, then every other file in the order added.
    private IReadOnlyList<RenderedPage> _pages = [];
    private bool _pagesWritten;
    private readonly List<(string Path, SiteFile File, string Source)> _added = [];
    // Of the last check: which files were kept (the pages' places first), what was reported, and the files that can be written.
    private bool[] _kept = [];
    private IReadOnlyList<Diagnostic> _reported = [];
    private Dictionary<string, SiteFile>? _output;

    /// <summary>The rendered pages, each written to its output file.</summary>
    /// <param name="written">True when they are on disk already, written as they were rendered: only their paths are kept.</param>
    public void AddPages(IReadOnlyList<RenderedPage> pages, bool written) => (_pages, _pagesWritten) = (pages, written);

    /// <param name="source">What the file is made from, named in the error if another input wants its path.</param>
    public void Add(string path, SiteFile file, string source) => _added.Add((path, file, source));

    private int Count => _pages.Count + _added.Count;

    private (string Path, SiteFile File, string Source) At(int i) => i < _pages.Count
        ? (_pages[i].OutputFile, _pagesWritten ? SiteFile.Written : SiteFile.Generated(_pages[i].Html), _pages[i].Page.SourcePath)
        : _added[i - _pages.Count];

    /// <summary>Checks the paths, reports each problem, and returns the files that can be written.</summary>
    /// <param name="previous">The set of the session's last build, whose findings hold if it added the same paths from the same sources.</param>
    public IReadOnlyDictionary<string, SiteFile> Check(DiagnosticBag diagnostics, SiteFileSet? previous)
    {
        if (previous is not null && SamePaths(previous))
        {
            (_kept, _reported) = (previous._kept, previous._reported);
            diagnostics.AddRange(_reported);
            // The last build's files, copied whole, with each file that is not the very same object put at its path.
            _output = new Dictionary<string, SiteFile>(previous._output!, StringComparer.Ordinal);
            for (var i = 0; i < Count; i++)
            {
                if (_kept[i] && !SameAt(i, previous))
                {
                    var (path, file, _) = At(i);
                    _output[path] = file;
                }
            }

            return _output;
        }

        var own = new DiagnosticBag();
        var entries = new Dictionary<string, (string Path, bool IsFolder, string Source)>(StringComparer.Ordinal);
        _kept = [.. Enumerable.Range(0, Count).Select(i => At(i)).Select(a => Admit(a.Path, a.Source, entries, own))];
        _reported = own.Sorted();
        diagnostics.AddRange(_reported);
        _output = new Dictionary<string, SiteFile>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            if (_kept[i])
            {
                var (path, file, _) = At(i);
                _output[path] = file;
            }
        }

        return _output;
    }

    /// <summary>Whether place <paramref name="i"/> holds the very same file as in <paramref name="previous"/>: a page that is the very same object is.</summary>
    private bool SameAt(int i, SiteFileSet previous) => i < _pages.Count
        ? ReferenceEquals(_pages[i], previous._pages[i]) && _pagesWritten == previous._pagesWritten
        : ReferenceEquals(_added[i - _pages.Count].File, previous._added[i - _pages.Count].File);

    private bool SamePaths(SiteFileSet previous)
    {
        if (previous._pages.Count != _pages.Count || previous._added.Count != _added.Count || previous._output is null)
        {
            return false;
        }

        for (var i = 0; i < _pages.Count; i++)
        {
            var (page, before) = (_pages[i], previous._pages[i]);
            if (!ReferenceEquals(page, before)
                && !(string.Equals(page.OutputFile, before.OutputFile, StringComparison.Ordinal) && string.Equals(page.Page.SourcePath, before.Page.SourcePath, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        for (var i = 0; i < _added.Count; i++)
        {
            if (!string.Equals(_added[i].Path, previous._added[i].Path, StringComparison.Ordinal)
                || !string.Equals(_added[i].Source, previous._added[i].Source, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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
