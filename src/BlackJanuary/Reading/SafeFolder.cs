using System.IO.Enumeration;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Reading;

/// <summary>
/// Lists the files of a content or theme folder without following symbolic links, neither the
/// folder's own nor any below it, so that a link added in a pull request cannot bring files from
/// elsewhere on the build machine into the published site.
/// </summary>
public static class SafeFolder
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
    };

    /// <summary>True when <paramref name="dir"/> is a real folder; reports and returns false for a link.</summary>
    public static bool IsReal(string dir, DiagnosticBag diagnostics)
    {
        if (new DirectoryInfo(dir).LinkTarget is null)
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.UnsafePath, new SourceLocation(dir),
            "the folder is a symbolic link; content and templates must be real folders");
        return false;
    }

    /// <summary>
    /// True, after reporting it, when a file (or anything but a folder) is where the folder
    /// <paramref name="dir"/> belongs: the build would find nothing in it and publish nothing of it.
    /// </summary>
    public static bool FileInstead(string dir, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(dir) || !Path.Exists(dir))
        {
            return false;
        }

        diagnostics.Error(DiagnosticCodes.WrongEntryKind, new SourceLocation(dir),
            "this is a file, but a folder belongs here and the build reads nothing from a file in its place; make it a folder (move the file into it, or rename it)");
        return true;
    }

    /// <summary>True, after reporting it, when a folder is where the file <paramref name="file"/> belongs.</summary>
    public static bool FolderInstead(string file, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(file))
        {
            return false;
        }

        diagnostics.Error(DiagnosticCodes.WrongEntryKind, new SourceLocation(file),
            $"this is a folder, but the build reads {Path.GetFileName(file)} as a file and would find nothing in it; move what it holds into a file of that name");
        return true;
    }

    /// <summary>
    /// The regular files below <paramref name="dir"/> matching <paramref name="pattern"/>, in
    /// ordinal order; none when it does not exist. Pipes, sockets and devices are reported, and so
    /// is a file in the folder's place.
    /// </summary>
    public static IReadOnlyList<string> Files(string dir, string pattern, DiagnosticBag diagnostics)
    {
        if (FileInstead(dir, diagnostics) || !Directory.Exists(dir) || !IsReal(dir, diagnostics))
        {
            return [];
        }

        try
        {
            // A pipe or a device is left out before anything opens it (media and assets are copied, not read as text).
            return Directory.EnumerateFiles(dir, pattern, Options).Where(f => !SpecialFile.Refused(f, diagnostics)).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(dir), $"cannot list the folder: {e.Message}");
            return [];
        }
    }

    /// <summary>
    /// Whether a file or folder the site needs is there: reports a folder where a file belongs (or
    /// the other way round), and, when nothing is there, <paramref name="missing"/>, which says what to create.
    /// </summary>
    public static bool Required(string path, bool isFolder, string missing, DiagnosticBag diagnostics)
    {
        if (isFolder ? FileInstead(path, diagnostics) : FolderInstead(path, diagnostics))
        {
            return false;
        }

        if (!(isFolder ? Directory.Exists(path) : File.Exists(path)))
        {
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(path), missing);
            return false;
        }

        return true;
    }

    // Hidden entries are skipped as Files skips them; links are not recursed into.
    private static readonly EnumerationOptions LinkSearch = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden };

    /// <summary>
    /// A file's path below <paramref name="dir"/> as an output path, '/'-separated. Only the
    /// system's own separator is one: a '\' in a Linux file name stays in the name, so that the
    /// output checks refuse it instead of it turning into a folder.
    /// </summary>
    public static string OutputPath(string dir, string file) =>
        Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>
    /// Reports each symbolic link below <paramref name="dir"/>, which <see cref="Files"/>
    /// leaves out of the site: a link in a pull request either points outside the content folder
    /// (and must not publish what it points at) or is a mistake that would silently drop a file.
    /// </summary>
    public static void RefuseLinks(string dir, DiagnosticBag diagnostics)
    {
        // A missing folder has no links; a folder that is itself a link is reported by SafeFolder.
        if (!Directory.Exists(dir) || new DirectoryInfo(dir).LinkTarget is not null)
        {
            return;
        }

        var links = new FileSystemEnumerable<(string Path, bool IsFolder)>(dir, (ref entry) => (entry.ToSpecifiedFullPath(), entry.IsDirectory), LinkSearch)
        {
            ShouldIncludePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        try
        {
            foreach (var (link, isFolder) in links.OrderBy(l => l.Path, StringComparer.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.UnsafePath, new SourceLocation(link), isFolder
                    ? "the folder is a symbolic link; content and templates must be real folders"
                    : "the file is a symbolic link; content and templates must be real files inside their folders");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Files has listed the same folder and reported why it cannot be listed.
        }
    }
}
