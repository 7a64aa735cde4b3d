using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// Which output files changed from one successful build of a session to the next, for the dev
/// server to reload only the tabs that show them. A copied file (an image, an asset) is the same
/// <see cref="SiteFile"/> when its source is edited in place, so its size and time of writing are
/// kept too, as they were when its build was given here.
/// </summary>
public sealed class SiteDiff
{
    private IReadOnlyDictionary<string, SiteFile>? _files;
    private Dictionary<string, (long, DateTime)> _stamps = new(StringComparer.Ordinal);

    /// <summary>
    /// The output paths added, removed or changed in <paramref name="snapshot"/> since the snapshot
    /// given before, in ordinal order; for the first, every path it has. Give only successful
    /// builds: a failed one has no files, and every path would seem removed.
    /// </summary>
    public IReadOnlyList<string> Changed(SiteSnapshot snapshot)
    {
        var (before, beforeStamps) = (_files, _stamps);
        var (after, afterStamps) = (snapshot.Files, Stamps(snapshot));
        (_files, _stamps) = (after, afterStamps);
        if (before is null)
        {
            return [.. after.Keys];
        }

        return after
            .Where(f => !before.TryGetValue(f.Key, out var was) || was != f.Value
                || (f.Value.SourceFile is not null && !Equals(beforeStamps.GetValueOrDefault(f.Key), afterStamps.GetValueOrDefault(f.Key))))
            .Select(f => f.Key)
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, (long, DateTime)> Stamps(SiteSnapshot snapshot)
    {
        var stamps = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var (path, file) in snapshot.Files)
        {
            if (file.SourceFile is { } source && new FileInfo(source) is { Exists: true } info)
            {
                stamps[path] = (info.Length, info.LastWriteTimeUtc);
            }
        }

        return stamps;
    }
}
