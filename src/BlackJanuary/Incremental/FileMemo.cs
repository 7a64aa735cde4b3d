using System.Collections.Concurrent;
using System.Security.Cryptography;
using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;

namespace BlackJanuary.Incremental;

/// <summary>
/// What reading each file produced, with the diagnostics it raised, kept between the builds of
/// one session (the dev server) so that a rebuild reads and parses again only the files whose
/// size or modification time changed. A file counts as unchanged only while both stay the same.
/// </summary>
/// <remarks>
/// File systems stamp modification times coarsely (a few milliseconds on Linux), so a file saved
/// twice within one tick, at the same size, would look unchanged. As git does with its index, a
/// file read less than <see cref="Racy"/> after it was last written is read again next time.
/// A build told what changed (<see cref="BeginBuild"/>) does not look at the other files at all:
/// at 10,000 pages, looking at each file's stamp and listing the folders is most of a rebuild.
/// </remarks>
public sealed class FileMemo
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Dir, string Pattern), Listing> _listings = new();
    // What ReadAll gave for each list of files (a listing, kept as the very same list while its
    // folder is unchanged), by place, so that a rebuild reads only the files the changes name.
    private readonly Dictionary<IReadOnlyList<string>, Places> _readAll = new(ReferenceEqualityComparer.Instance);
    private FileChanges? _changes;
    // Which build last asked for each entry: the ones no build asked for since are forgotten (EndBuild).
    private int _build;
    private int _usedThisBuild;

    private static readonly TimeSpan Racy = TimeSpan.FromSeconds(1);

    /// <summary>Above this size a changed stamp means a fresh read, without first hashing to see if the bytes changed.</summary>
    private const long HashLimit = 8 << 20;

    /// <param name="FullPath">The file's full path, as a watcher names it.</param>
    private sealed record Entry(string FullPath, long Length, DateTime WrittenUtc, DateTime ReadUtc, byte[] Hash, object? Value, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public int UsedInBuild;

        public bool Matches(FileInfo file) => Length == file.Length && WrittenUtc == file.LastWriteTimeUtc && ReadUtc - WrittenUtc > Racy;
    }

    private sealed record Listing(string FullDir, IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// What ReadAll gave for a list of files, by place: each file's entry and value, the places
    /// whose read reported something, and the place of each file by its full path.
    /// </summary>
    private sealed record Places(Entry?[] Entries, Array Values, int[] Reporting, Dictionary<string, int> ByFullPath);

    // The lists read by place in this build: their entries count as asked for (see EndBuild).
    private readonly List<Places> _usedPlaces = [];

    private void Use(Entry entry)
    {
        if (Interlocked.Exchange(ref entry.UsedInBuild, _build) != _build)
        {
            Interlocked.Increment(ref _usedThisBuild);
        }
    }

    /// <summary>
    /// Starts a build. With <paramref name="changes"/>, files and folders it does not touch are
    /// taken as they were at the last build; without, every file's stamp is looked at and every
    /// folder listed again.
    /// </summary>
    public void BeginBuild(FileChanges? changes)
    {
        _changes = changes;
        _usedPlaces.Clear();
        _build++;
        _usedThisBuild = 0;
    }

    /// <summary>Lists through <paramref name="memo"/> when there is one, directly otherwise; see <see cref="SafeFolder.Files"/>.</summary>
    public static IReadOnlyList<string> Files(FileMemo? memo, string dir, string pattern, DiagnosticBag diagnostics) =>
        memo is null ? SafeFolder.Files(dir, pattern, diagnostics) : memo.List(dir, pattern, diagnostics, d => SafeFolder.Files(dir, pattern, d));

    private IReadOnlyList<string> List(string dir, string pattern, DiagnosticBag diagnostics, Func<DiagnosticBag, IReadOnlyList<string>> list)
    {
        if (_changes is { } changes && _listings.TryGetValue((dir, pattern), out var known) && !changes.TouchListing(known.FullDir))
        {
            diagnostics.AddRange(known.Diagnostics);
            return known.Files;
        }

        var own = new DiagnosticBag();
        var files = list(own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        _listings[(dir, pattern)] = new Listing(Path.GetFullPath(dir), files, reported);
        return files;
    }

    /// <summary>
    /// Reports the symbolic links below <paramref name="dir"/> (<see cref="SafeFolder.RefuseLinks"/>),
    /// through <paramref name="memo"/> when there is one: a link appears only by a path created or
    /// renamed below the folder, so a rebuild told that none was does not walk 10,000 files again.
    /// </summary>
    public static void RefuseLinks(FileMemo? memo, string dir, DiagnosticBag diagnostics)
    {
        if (memo is null)
        {
            SafeFolder.RefuseLinks(dir, diagnostics);
            return;
        }

        // A listing of no files, only what the walk reported; the name cannot be a file pattern.
        memo.List(dir, "\0links", diagnostics, d =>
        {
            SafeFolder.RefuseLinks(dir, d);
            return [];
        });
    }

    /// <summary>
    /// What <paramref name="read"/> makes of each of <paramref name="files"/>, in their order: through
    /// <paramref name="memo"/> when there is one, and in parallel for the files that must be read.
    /// </summary>
    public static IReadOnlyList<T?> ReadAll<T>(FileMemo? memo, IReadOnlyList<string> files, DiagnosticBag diagnostics, Func<string, DiagnosticBag, T?> read)
        where T : class =>
        memo is null
            ? files.AsParallel().AsOrdered().Select(file => read(file, diagnostics)).ToArray()
            : memo.ReadAll(files, diagnostics, read);

    private T?[] ReadAll<T>(IReadOnlyList<string> files, DiagnosticBag diagnostics, Func<string, DiagnosticBag, T?> read)
        where T : class
    {
        // The very same listing as at the last build, and told what changed: every file the
        // changes do not name is as it was, so only those are read, and the rest is taken by
        // place without a look at its entry (which, at 10,000 files, costs a cache miss apiece).
        if (_changes is { Moved.Count: 0 } changes && _readAll.TryGetValue(files, out var last) && Array.IndexOf(last.Entries, null) < 0)
        {
            var values = (T?[])last.Values.Clone();
            var touched = changes.Written.Select(path => last.ByFullPath.GetValueOrDefault(path, -1)).Where(i => i >= 0).ToHashSet();
            foreach (var i in touched)
            {
                values[i] = Get(files[i], diagnostics, d => read(files[i], d));
                last.Entries[i] = _entries.GetValueOrDefault(files[i]);
            }

            var reporting = last.Reporting.Where(i => !touched.Contains(i)).ToList();
            foreach (var i in reporting)
            {
                diagnostics.AddRange(last.Entries[i]!.Diagnostics);
            }

            reporting.AddRange(touched.Where(i => last.Entries[i] is { Diagnostics.Count: > 0 }));
            Remember(files, last.Entries, values, reporting);
            _usedThisBuild += files.Count - touched.Count;
            return values;
        }

        var results = new T?[files.Count];
        var missing = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            if (Trusted(files[i], diagnostics) is { } known)
            {
                results[i] = (T?)known.Value;
            }
            else
            {
                missing.Add(i);
            }
        }

        Parallel.ForEach(missing, i => results[i] = Get(files[i], diagnostics, d => read(files[i], d)));
        Entry?[] entries = [.. files.Select(f => _entries.GetValueOrDefault(f))];
        Remember(files, entries, results, [.. Enumerable.Range(0, entries.Length).Where(i => entries[i] is { Diagnostics.Count: > 0 })]);
        return results;
    }

    private void Remember<T>(IReadOnlyList<string> files, Entry?[] entries, T?[] values, List<int> reporting)
    {
        Places? known;
        lock (_readAll)
        {
            _readAll.TryGetValue(files, out known);
        }

        var byFullPath = known is not null ? known.ByFullPath : new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
        if (known is null)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                byFullPath.TryAdd(entries[i]?.FullPath ?? Path.GetFullPath(files[i]), i);
            }
        }

        var places = new Places(entries, values, [.. reporting], byFullPath);
        lock (_readAll)
        {
            _readAll[files] = places;
            _usedPlaces.Add(places);
        }
    }

    /// <summary>Reads through <paramref name="memo"/> when there is one (a session), directly otherwise (one build).</summary>
    public static T? Read<T>(FileMemo? memo, string file, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read)
        where T : class =>
        memo is null ? read(diagnostics) : memo.Get(file, diagnostics, read);

    /// <summary>
    /// The value <paramref name="read"/> makes of <paramref name="file"/>, from memory when the file
    /// is unchanged; the diagnostics it reported then are reported again, as a fresh read would.
    /// </summary>
    public T? Get<T>(string file, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read)
        where T : class
    {
        if (Trusted(file, diagnostics) is { } trusted)
        {
            return (T?)trusted.Value;
        }

        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return read(diagnostics);
        }

        if (_entries.TryGetValue(file, out var known) && known.Matches(info))
        {
            Use(known);
            diagnostics.AddRange(known.Diagnostics);
            return (T?)known.Value;
        }

        var readUtc = DateTime.UtcNow;
        var hash = HashOf(info);
        // Touched or re-saved without a change (or too recent to trust its stamp): the same bytes
        // keep the same value, so that later stages see the very same object and skip their work.
        if (known is not null && hash.Length > 0 && hash.AsSpan().SequenceEqual(known.Hash))
        {
            Use(_entries[file] = known with { Length = info.Length, WrittenUtc = info.LastWriteTimeUtc, ReadUtc = readUtc });
            diagnostics.AddRange(known.Diagnostics);
            return (T?)known.Value;
        }

        var own = new DiagnosticBag();
        var value = read(own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        // Saved again between the hash and the read: the value may belong to other bytes than the
        // hash, so no hash is kept, and the next build reads the file afresh.
        var (length, written) = (info.Length, info.LastWriteTimeUtc);
        info.Refresh();
        if (!info.Exists || info.Length != length || info.LastWriteTimeUtc != written)
        {
            hash = [];
        }

        Use(_entries[file] = new Entry(info.FullName, length, written, readUtc, hash, value, reported));
        return value;
    }

    /// <summary>The entry of a file the changes of this build do not touch, with its diagnostics reported again; else null.</summary>
    private Entry? Trusted(string file, DiagnosticBag diagnostics)
    {
        if (_changes is not { } changes || !_entries.TryGetValue(file, out var known) || changes.Touch(known.FullPath))
        {
            return null;
        }

        Use(known);
        diagnostics.AddRange(known.Diagnostics);
        return known;
    }

    private static byte[] HashOf(FileInfo file)
    {
        // A link or a pipe is refused by the read itself, and may lead to (or be) a device that never ends.
        if (file.Length > HashLimit || file.LinkTarget is not null || SpecialFile.KindOf(file.FullName) is not null)
        {
            return [];
        }

        try
        {
            using var stream = file.OpenRead();
            return SHA256.HashData(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // The read that follows reports it.
        }
    }

    /// <summary>Forgets files no build asked for since the last call (deleted or renamed ones); call once per build.</summary>
    public void EndBuild()
    {
        // A list no build read is a listing that changed: its places are of no further use.
        foreach (var list in _readAll.Where(p => !_usedPlaces.Contains(p.Value)).Select(p => p.Key).ToList())
        {
            _readAll.Remove(list);
        }

        // Usually no file went away: then every entry was used, and none need be looked for.
        if (_usedThisBuild != _entries.Count)
        {
            foreach (var entry in _usedPlaces.SelectMany(p => p.Entries).OfType<Entry>())
            {
                entry.UsedInBuild = _build;
            }

            foreach (var (file, entry) in _entries.Where(e => e.Value.UsedInBuild != _build))
            {
                _entries.TryRemove(file, out _);
            }
        }
    }
}
