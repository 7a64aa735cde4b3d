using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Content;

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
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Dir, string Pattern), Listing> _listings = new();
    private FileChanges? _changes;

    private static readonly TimeSpan Racy = TimeSpan.FromSeconds(1);

    /// <summary>Above this size a changed stamp means a fresh read, without first hashing to see if the bytes changed.</summary>
    private const long HashLimit = 8 << 20;

    /// <param name="FullPath">The file's full path, as a watcher names it.</param>
    private sealed record Entry(string FullPath, long Length, DateTime WrittenUtc, DateTime ReadUtc, byte[] Hash, object? Value, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Matches(FileInfo file) => Length == file.Length && WrittenUtc == file.LastWriteTimeUtc && ReadUtc - WrittenUtc > Racy;
    }

    private sealed record Listing(string FullDir, IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Starts a build. With <paramref name="changes"/>, files and folders it does not touch are
    /// taken as they were at the last build; without, every file's stamp is looked at and every
    /// folder listed again.
    /// </summary>
    public void BeginBuild(FileChanges? changes) => _changes = changes;

    /// <summary>Lists through <paramref name="memo"/> when there is one, directly otherwise; see <see cref="SafeFolder.Files"/>.</summary>
    public static IReadOnlyList<string> Files(FileMemo? memo, string dir, string pattern, DiagnosticBag diagnostics) =>
        memo is null ? SafeFolder.Files(dir, pattern, diagnostics) : memo.List(dir, pattern, diagnostics);

    private IReadOnlyList<string> List(string dir, string pattern, DiagnosticBag diagnostics)
    {
        if (_changes is { } changes && _listings.TryGetValue((dir, pattern), out var known) && !changes.TouchListing(known.FullDir))
        {
            diagnostics.AddRange(known.Diagnostics);
            return known.Files;
        }

        var own = new DiagnosticBag();
        var files = SafeFolder.Files(dir, pattern, own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        _listings[(dir, pattern)] = new Listing(Path.GetFullPath(dir), files, reported);
        return files;
    }

    /// <summary>
    /// What <paramref name="read"/> makes of each of <paramref name="files"/>, in their order: through
    /// <paramref name="memo"/> when there is one, and in parallel for the files that must be read.
    /// </summary>
    public static IReadOnlyList<T?> ReadAll<T>(FileMemo? memo, IReadOnlyList<string> files, DiagnosticBag diagnostics, Func<string, DiagnosticBag, T?> read)
        where T : class =>
        memo is null
            ? files.AsParallel().AsOrdered().Select(file => read(file, diagnostics)).ToList()
            : Remembered.Each(files,
                (file, _) => memo.Trusted(file, diagnostics) is { } known ? new StrongBox<T?>((T?)known.Value) : null,
                file => new StrongBox<T?>(memo.Get(file, diagnostics, d => read(file, d)))).Select(box => box.Value).ToList();

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

        _used[file] = 0;
        if (_entries.TryGetValue(file, out var known) && known.Matches(info))
        {
            diagnostics.AddRange(known.Diagnostics);
            return (T?)known.Value;
        }

        var readUtc = DateTime.UtcNow;
        var hash = HashOf(info);
        // Touched or re-saved without a change (or too recent to trust its stamp): the same bytes
        // keep the same value, so that later stages see the very same object and skip their work.
        if (known is not null && hash.Length > 0 && hash.AsSpan().SequenceEqual(known.Hash))
        {
            _entries[file] = known with { Length = info.Length, WrittenUtc = info.LastWriteTimeUtc, ReadUtc = readUtc };
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

        _entries[file] = new Entry(info.FullName, length, written, readUtc, hash, value, reported);
        return value;
    }

    /// <summary>The entry of a file the changes of this build do not touch, with its diagnostics reported again; else null.</summary>
    private Entry? Trusted(string file, DiagnosticBag diagnostics)
    {
        if (_changes is not { } changes || !_entries.TryGetValue(file, out var known) || changes.Touch(known.FullPath))
        {
            return null;
        }

        _used[file] = 0;
        diagnostics.AddRange(known.Diagnostics);
        return known;
    }

    private static byte[] HashOf(FileInfo file)
    {
        // A link is refused by the read itself, and may lead to a device that never ends.
        if (file.Length > HashLimit || file.LinkTarget is not null)
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
        // Usually no file went away: then every entry was used, and none need be looked for.
        if (_used.Count != _entries.Count)
        {
            foreach (var file in _entries.Keys.Where(f => !_used.ContainsKey(f)))
            {
                _entries.TryRemove(file, out _);
            }
        }

        _used.Clear();
    }
}
