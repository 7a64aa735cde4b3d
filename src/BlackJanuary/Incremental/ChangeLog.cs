namespace BlackJanuary.Incremental;

/// <summary>
/// What the watchers of a session's folders saw since the last build, for the build to look only
/// at those files. Until the first build, after a watcher's buffer overflowed, and while a folder
/// is not watched (it did not exist when watching began), nothing is known and the build looks at
/// every file. Watchers report from their own threads; the build takes the changes from its own.
/// </summary>
public sealed class ChangeLog
{
    private readonly Lock _lock = new();
    private HashSet<string> _written = new(StringComparer.Ordinal);
    private HashSet<string> _moved = new(StringComparer.Ordinal);
    private bool _lost = true;
    private bool _blind;

    /// <summary>Notes a watcher's event: a file written in place, or a path created, deleted or renamed (both its names).</summary>
    public void Saw(FileSystemEventArgs change)
    {
        switch (change)
        {
            case RenamedEventArgs renamed:
                Moved(renamed.OldFullPath);
                Moved(renamed.FullPath);
                break;
            case { ChangeType: WatcherChangeTypes.Changed }:
                Written(change.FullPath);
                break;
            default:
                Moved(change.FullPath);
                break;
        }
    }

    /// <summary>A watcher may have missed changes (its buffer overflowed): the next build must look at every file.</summary>
    public void Lost()
    {
        lock (_lock)
        {
            _lost = true;
        }
    }

    /// <summary>A folder is not watched: every build must look at every file.</summary>
    public void Unwatched()
    {
        lock (_lock)
        {
            _blind = true;
        }
    }

    /// <summary>The changes since the last call, or null when they are not all known.</summary>
    public FileChanges? Take()
    {
        lock (_lock)
        {
            var changes = _lost || _blind || _moved.Count > FileChanges.MovedLimit ? null : new FileChanges(_written, _moved);
            (_written, _moved, _lost) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), false);
            return changes;
        }
    }

    private void Written(string path)
    {
        // A folder's own stamp changes when its entries do: a change to what it lists.
        var moved = Directory.Exists(path);
        lock (_lock)
        {
            (moved ? _moved : _written).Add(Path.GetFullPath(path));
        }
    }

    private void Moved(string path)
    {
        lock (_lock)
        {
            _moved.Add(Path.GetFullPath(path));
        }
    }
}
