using BlackJanuary.Incremental;

namespace BlackJanuary.Cli;

/// <summary>
/// Watches folders for any change to files or folders, and notes each in a change log. The
/// watcher's own buffer can overflow in a big burst (a git checkout); that is a change too, and
/// the rebuild reads everything.
/// </summary>
internal sealed class WatcherSet : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public WatcherSet(IEnumerable<string> folders, ChangeLog log, Action changed)
    {
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct())
        {
            if (!Directory.Exists(folder))
            {
                // A change there would go unseen, so no build may trust that nothing changed.
                log.Unwatched();
                continue;
            }

            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Then(() => log.Saw(e));
            watcher.Created += (_, e) => Then(() => log.Saw(e));
            watcher.Deleted += (_, e) => Then(() => log.Saw(e));
            watcher.Renamed += (_, e) => Then(() => log.Saw(e));
            watcher.Error += (_, _) => Then(log.Lost);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }

        // Noted before the build is woken, so that the build knows of the change.
        void Then(Action note)
        {
            note();
            changed();
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
