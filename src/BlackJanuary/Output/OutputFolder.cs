using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace BlackJanuary.Output;

/// <summary>
/// What the build may do with an output folder and the folders beside it: which folders it must
/// never replace, how to swap a staged site in at once, and how to clean up after a killed build.
/// </summary>
internal static partial class OutputFolder
{
    /// <summary>Added to a staging folder's name for the old site moved aside by the two-rename swap.</summary>
    public const string OldSuffix = ".old";

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private const int EInval = 22;
    private const int ENoSys = 38;

    // APFS and NTFS ignore case by default, so there 'Content' is the content folder.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// Why the build must not replace <paramref name="output"/> (a full path), whatever it holds,
    /// or null. Replacing a folder deletes everything in it, so the output may not be, hold or lie
    /// inside the folders the build reads, nor be or hold the current or the home folder. A marker
    /// from an earlier build does not make it allowed: a content folder inside an old output
    /// folder would still be deleted. Links are resolved first, so a link cannot hide an overlap.
    /// </summary>
    public static string? Refusal(string output, IReadOnlyList<(string Dir, string Name)> inputs)
    {
        if (new DirectoryInfo(output).LinkTarget is not null)
        {
            return "the output folder is a symbolic link; the build would replace the link, not the folder it points to: give the real folder as --output";
        }

        var real = RealPath(output);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var guarded = inputs.Select(i => new Guarded(RealPath(i.Dir), $"{i.Name} ({i.Dir})"))
            .Append(new Guarded(RealPath(Environment.CurrentDirectory), $"the current folder ({Environment.CurrentDirectory})"))
            .Concat(home.Length > 0 ? [new Guarded(RealPath(home), $"your home folder ({home})")] : [])
            .ToList();
        if (guarded.FirstOrDefault(g => string.Equals(g.Real, real, PathComparison)) is { Shown: { } same })
        {
            return $"the output folder is {same}; every build replaces its whole output folder, so give it a folder of its own, such as _site";
        }

        if (guarded.FirstOrDefault(g => IsInside(g.Real, real)) is { Shown: { } held })
        {
            return $"the output folder contains {held}, which replacing it would delete; give the build a folder of its own, such as _site";
        }

        return InputHolding(output, inputs) is { } holder
            ? $"the output folder is inside {holder}, where the built site would become part of what the build reads; choose a folder outside it, such as _site"
            : null;
    }

    /// <summary>
    /// The input folder that holds <paramref name="path"/>, as messages name it ("the content folder
    /// (content)"), with links resolved and names compared as the file system does; null when none
    /// does. What is written there becomes part of what the next build reads and publishes.
    /// </summary>
    public static string? InputHolding(string path, IReadOnlyList<(string Dir, string Name)> inputs)
    {
        var real = RealPath(path);
        return inputs.Where(i => IsInside(real, RealPath(i.Dir))).Select(i => $"{i.Name} ({i.Dir})").FirstOrDefault();
    }

    /// <summary>
    /// Repairs what a killed build left beside <paramref name="output"/>: if the output folder is
    /// missing because a build was killed between the two renames of the fallback swap, the old
    /// site moved aside is put back; then every leftover staging folder and old site is deleted.
    /// Only folders named as this build names them, holding the marker (or empty, if the build was
    /// killed before writing it), whose process has ended, are touched.
    /// </summary>
    public static void Recover(string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        var name = Regex.Escape(Path.GetFileName(output));
        var pattern = new Regex($@"^\.{name}\.staging-(?<pid>[0-9]+)-[0-9a-f]{{32}}(?<old>{Regex.Escape(OldSuffix)})?$", RegexOptions.CultureInvariant);
        var leftovers = Directory.Exists(parent)
            ? Directory.EnumerateDirectories(parent, $".{Path.GetFileName(output)}.staging-*")
                .Select(dir => (Dir: dir, Match: pattern.Match(Path.GetFileName(dir))))
                .Where(l => l.Match.Success && !IsRunning(int.Parse(l.Match.Groups["pid"].Value, CultureInfo.InvariantCulture)) && MadeByBuild(l.Dir))
                .ToList()
            : [];
        if (!Path.Exists(output)
            && leftovers.Where(l => l.Match.Groups["old"].Success).OrderByDescending(l => Directory.GetLastWriteTimeUtc(l.Dir)).FirstOrDefault() is { Dir: { } old })
        {
            Directory.Move(old, output);
            leftovers.RemoveAll(l => l.Dir == old);
        }

        foreach (var (dir, _) in leftovers)
        {
            OutputWriter.DeleteQuietly(dir);
        }
    }

    /// <summary>
    /// Swaps two folders in one step with Linux's renameat2(RENAME_EXCHANGE). False where the
    /// system, its C library or the file system cannot, and the caller must rename twice.
    /// </summary>
    public static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without renameat2 (glibc before 2.28, some musl versions).
            return false;
        }

        // EINVAL: a file system without RENAME_EXCHANGE (some network and FUSE ones); ENOSYS: a kernel before 3.15.
        var errno = Marshal.GetLastPInvokeError();
        return errno is EInval or ENoSys
            ? false
            : throw new IOException($"cannot swap the new site in: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Link(string existingPath, string newPath);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    private static bool IsInside(string inner, string outer) =>
        inner.Length > outer.Length
        && inner.StartsWith(outer, PathComparison)
        && (inner[outer.Length] == Path.DirectorySeparatorChar || Path.EndsInDirectorySeparator(outer));

    /// <summary>
    /// The full path with every symbolic link on the way resolved, as far as it exists (.NET has
    /// no realpath): "_site" → "/srv/site" when _site is a link to it.
    /// </summary>
    private static string RealPath(string path, int depth = 0)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            // The depth bounds a loop of links, which the system would refuse to follow anyway.
            if (depth < 40 && new FileInfo(current).LinkTarget is { } target)
            {
                current = RealPath(Path.Combine(Path.GetDirectoryName(current)!, target), depth + 1);
            }
        }

        return current;
    }

    private readonly record struct Guarded(string Real, string Shown);

    private static bool MadeByBuild(string dir) =>
        File.Exists(Path.Combine(dir, OutputWriter.Marker)) || !Directory.EnumerateFileSystemEntries(dir).Any();

    /// <summary>True when a process with this id runs: its staging folder may still be in use by a build.</summary>
    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
