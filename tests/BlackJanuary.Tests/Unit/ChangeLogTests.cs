using BlackJanuary.Incremental;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Unit;

/// <summary>
/// What the watchers saw since the last build, as the build is told it: the files written and the
/// paths moved, or null for "look at every file". The events are made as a FileSystemWatcher makes
/// them, for real files and folders in a scratch folder.
/// </summary>
public sealed class ChangeLogTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("bj-changelog-");

    public ChangeLogTests()
    {
        Directory.CreateDirectory(Path.Combine(_scratch.Root, "pages"));
        File.WriteAllText(Path.Combine(_scratch.Root, "pages", "about.md"), "About\n");
    }

    public void Dispose() => _scratch.Dispose();

    private string Full(string relative) => Path.Combine(_scratch.Root, relative);

    private FileSystemEventArgs Event(WatcherChangeTypes type, string relative) =>
        new(type, _scratch.Root, relative);

    /// <summary>A log whose first take (the first build, which reads everything) is behind it.</summary>
    private static ChangeLog AfterFirstBuild()
    {
        var log = new ChangeLog();
        Assert.Null(log.Take());
        return log;
    }

    [Fact]
    public void Nothing_is_known_before_the_first_build_and_after_it_nothing_seen_is_no_change()
    {
        var log = new ChangeLog();

        Assert.Null(log.Take());
        var changes = log.Take();
        Assert.NotNull(changes);
        Assert.Empty(changes.Written);
        Assert.Empty(changes.Moved);
    }

    [Fact]
    public void A_file_written_in_place_is_written_and_a_folder_written_is_a_change_to_its_listing()
    {
        var log = AfterFirstBuild();

        log.Saw(Event(WatcherChangeTypes.Changed, "pages/about.md"));
        log.Saw(Event(WatcherChangeTypes.Changed, "pages"));

        var changes = log.Take()!;
        Assert.Equal([Full("pages/about.md")], changes.Written);
        Assert.Equal([Full("pages")], changes.Moved);
    }

    [Fact]
    public void A_created_or_deleted_path_and_both_names_of_a_rename_are_moved()
    {
        var log = AfterFirstBuild();

        log.Saw(Event(WatcherChangeTypes.Created, "pages/new.md"));
        log.Saw(Event(WatcherChangeTypes.Deleted, "pages/old.md"));
        log.Saw(new RenamedEventArgs(WatcherChangeTypes.Renamed, _scratch.Root, "pages/after.md", "pages/before.md"));

        var changes = log.Take()!;
        Assert.Empty(changes.Written);
        Assert.Equal(
            new[] { "pages/after.md", "pages/before.md", "pages/new.md", "pages/old.md" }.Select(Full),
            changes.Moved.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Changes_are_taken_once()
    {
        var log = AfterFirstBuild();
        log.Saw(Event(WatcherChangeTypes.Changed, "pages/about.md"));

        Assert.NotEmpty(log.Take()!.Written);
        Assert.Empty(log.Take()!.Written);
    }

    [Fact]
    public void A_lost_watcher_makes_the_next_build_look_at_every_file_and_only_the_next()
    {
        var log = AfterFirstBuild();
        log.Saw(Event(WatcherChangeTypes.Changed, "pages/about.md"));

        log.Lost();

        Assert.Null(log.Take());
        Assert.NotNull(log.Take());
    }

    [Fact]
    public void A_folder_not_watched_makes_every_build_look_at_every_file()
    {
        var log = AfterFirstBuild();

        log.Unwatched();

        Assert.Null(log.Take());
        Assert.Null(log.Take());
    }

    [Fact]
    public void More_moves_than_the_limit_make_the_build_look_at_every_file()
    {
        var log = AfterFirstBuild();
        foreach (var i in Enumerable.Range(0, FileChanges.MovedLimit))
        {
            log.Saw(Event(WatcherChangeTypes.Created, $"pages/p{i}.md"));
        }

        Assert.Equal(FileChanges.MovedLimit, log.Take()!.Moved.Count);

        foreach (var i in Enumerable.Range(0, FileChanges.MovedLimit + 1))
        {
            log.Saw(Event(WatcherChangeTypes.Created, $"pages/p{i}.md"));
        }

        Assert.Null(log.Take());
    }
}
