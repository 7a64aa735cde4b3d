using BlackJanuary.Diagnostics;

namespace BlackJanuary.Content;

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
}
