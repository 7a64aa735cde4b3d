namespace BlackJanuary.Incremental;

/// <summary>
/// What changed on disk since the last build of a session, as a file watcher saw it: the files
/// written in place, and the paths created, deleted or renamed (files or folders, both names of
/// a rename). Paths are full paths. A build given changes trusts every other file it read before
/// to be unchanged, without looking at it; a watcher that may have missed something (its buffer
/// overflowed) passes no changes, and the build looks at every file.
/// </summary>
public sealed class FileChanges(IReadOnlySet<string> written, IReadOnlySet<string> moved)
{
    /// <summary>
    /// Past this many created, deleted or renamed paths (a git checkout, an unpacked archive)
    /// looking at every file is cheaper than testing each file against each of them.
    /// </summary>
    public const int MovedLimit = 64;

    public IReadOnlySet<string> Written => written;

    public IReadOnlySet<string> Moved => moved;

    /// <summary>Whether <paramref name="fullPath"/> may have changed: written, or moved itself or with a folder above it.</summary>
    public bool Touch(string fullPath) => written.Contains(fullPath) || (moved.Count > 0 && moved.Any(m => Within(fullPath, m)));

    /// <summary>Whether the listing of <paramref name="fullDir"/> may have changed: a path below it, or a folder above it, moved.</summary>
    public bool TouchListing(string fullDir) => moved.Any(m => Within(m, fullDir) || Within(fullDir, m));

    private static bool Within(string path, string folder) =>
        path.StartsWith(folder, StringComparison.Ordinal)
        && (path.Length == folder.Length || path[folder.Length] == Path.DirectorySeparatorChar || folder.EndsWith(Path.DirectorySeparatorChar));
}
