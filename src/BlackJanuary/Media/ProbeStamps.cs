using System.Collections.Concurrent;
using System.Globalization;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Media;

/// <summary>
/// What each image was found to be, by its path, size and time of last change, kept in the cache
/// folder ('images.tsv'): a build of unchanged photos neither hashes nor opens them, as make and
/// rsync trust a file's size and time. A file changed in place with the same size and time is not
/// noticed; deleting the cache folder starts afresh.
/// </summary>
internal sealed class ProbeStamps
{
    private readonly string _file;
    private readonly ConcurrentDictionary<string, (long Length, long Ticks, RasterImage Image, bool Animated)> _known = new(StringComparer.Ordinal);
    private bool _changed;

    private ProbeStamps(string file) => _file = file;

    public static ProbeStamps Open(string cacheDir)
    {
        var stamps = new ProbeStamps(Path.Combine(cacheDir, "images.tsv"));
        try
        {
            foreach (var line in File.ReadLines(stamps._file))
            {
                var f = line.Split('\t');
                // A line another version wrote, or a damaged one, is passed over: the image is read again.
                if (f.Length == 9 && long.TryParse(f[1], CultureInfo.InvariantCulture, out var length) && long.TryParse(f[2], CultureInfo.InvariantCulture, out var ticks)
                    && int.TryParse(f[3], CultureInfo.InvariantCulture, out var width) && int.TryParse(f[4], CultureInfo.InvariantCulture, out var height)
                    && f[5] is "0" or "1" && f[6] is "0" or "1" && f[8].Length == 64)
                {
                    stamps._known[f[0]] = (length, ticks, new RasterImage(width, height, f[5] == "1", f[8], f[7]), f[6] == "1");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache yet, or not readable: every image is read.
        }

        return stamps;
    }

    public (RasterImage Image, bool Animated)? Find(FileInfo file) =>
        _known.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.Ticks == file.LastWriteTimeUtc.Ticks ? (known.Image, known.Animated) : null;

    public void Add(FileInfo file, RasterImage image, bool animated)
    {
        if (file.FullName.AsSpan().IndexOfAny('\t', '\n', '\r') < 0)
        {
            _known[file.FullName] = (file.Length, file.LastWriteTimeUtc.Ticks, image, animated);
            _changed = true;
        }
    }

    /// <summary>Writes the table when it learnt something, replaced whole, so that a build running beside reads a whole table or none.</summary>
    public void Save()
    {
        if (!_changed)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            WholeFile.Replace(_file, temporary => File.WriteAllLines(temporary, _known.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Join('\t',
                p.Key, p.Value.Length.ToString(CultureInfo.InvariantCulture), p.Value.Ticks.ToString(CultureInfo.InvariantCulture),
                p.Value.Image.Width.ToString(CultureInfo.InvariantCulture), p.Value.Image.Height.ToString(CultureInfo.InvariantCulture),
                p.Value.Image.HasAlpha ? "1" : "0", p.Value.Animated ? "1" : "0", p.Value.Image.Format, p.Value.Image.Hash))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs the next build time, not correctness.
        }
    }
}
