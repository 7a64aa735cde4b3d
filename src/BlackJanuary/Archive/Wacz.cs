using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlackJanuary.Model;

namespace BlackJanuary.Archive;

/// <summary>
/// The built site as a WACZ 1.1.1 file (https://specs.webrecorder.net/wacz/1.1.1/): every output
/// file as the HTTP response a static host sends at its address, in one WARC; the CDXJ index of
/// those records; the list of pages with their titles and text; and datapackage.json with the
/// SHA-256 of each of them. The same files, address and date give the same bytes.
/// </summary>
public static class Wacz
{
    public const string WarcPath = "archive/data.warc.gz";
    public const string IndexPath = "indexes/index.cdx";
    public const string PagesPath = "pages/pages.jsonl";
    public const string PackagePath = "datapackage.json";
    public const string DigestPath = "datapackage-digest.json";

    /// <summary>What the archive says of the site: where it is served, its title, and the build date every record is dated.</summary>
    public sealed record SiteInfo(Uri BaseUrl, string Title, DateOnly Date);

    /// <summary>An index line, kept until every record is written: its key, then the rest of the line.</summary>
    private sealed record IndexLine(string Key, string Line);

    /// <summary>
    /// Writes the archive of <paramref name="files"/> (output path → file) to <paramref name="output"/>,
    /// reading each file once; the host's settings files (_headers) are not served, so not archived.
    /// </summary>
    /// <exception cref="IOException">A file copied into the site (an image, an asset) could not be read.</exception>
    public static void Write(Stream output, IReadOnlyDictionary<string, SiteFile> files, SiteInfo site)
    {
        var date = Warc.Date(site.Date);
        var timestamp = site.Date.ToString("yyyyMMdd'000000'", CultureInfo.InvariantCulture);
        var software = $"{Generator.Name} {Generator.Version}";
        var index = new List<IndexLine>(files.Count);
        var pages = new List<(string Url, PageText.Extract Text)>();
        var resources = new List<(string Path, string Hash, long Bytes)>();

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The WARC is stored, not compressed again: its records are gzipped already, and a
            // stored entry lets a replay tool read a record at its offset straight from the zip.
            var entry = Entry(zip, WarcPath, site.Date, CompressionLevel.NoCompression);
            using (var warc = new HashingStream(entry.Open()))
            {
                // Named by what they hold and when: an archive of the same site on another day has records of its own.
                var infoId = Warc.RecordId($"warcinfo {site.BaseUrl} {date} {software}");
                warc.Write(Warc.Info(infoId, date, Path.GetFileName(WarcPath),
                [
                    ("software", software),
                    ("format", "WARC File Format 1.1"),
                    ("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
                    ("isPartOf", site.BaseUrl.AbsoluteUri),
                    ("description", $"{site.Title}: every file of the site as its host serves it, built {site.Date:yyyy-MM-dd}"),
                ]));
                foreach (var path in files.Keys.Where(p => !GeneratedFiles.IsForHosts(p)).Order(StringComparer.Ordinal))
                {
                    var payload = SiteFileBytes.Read(files[path]);
                    var url = UrlOf(site.BaseUrl, path);
                    var type = ContentTypes.Of(path);
                    var digest = Warc.Sha256(payload);
                    var record = Warc.Response(Warc.RecordId($"response {url} {date} {digest}"), infoId, date, url, type, payload);
                    var offset = warc.Length;
                    warc.Write(record);
                    // The fields and their order of warcio's and pywb's CDXJ, numbers as strings as theirs.
                    index.Add(new IndexLine(Surt(url), Line(
                        ("url", url),
                        ("mime", type.Split(';')[0]),
                        ("status", "200"),
                        ("digest", digest["sha256:".Length..]),
                        ("length", record.Length.ToString(CultureInfo.InvariantCulture)),
                        ("offset", offset.ToString(CultureInfo.InvariantCulture)),
                        ("filename", Path.GetFileName(WarcPath)))));
                    if (ContentTypes.IsHtml(path) && PageText.Of(payload) is { } text)
                    {
                        pages.Add((url, text));
                    }
                }

                warc.Flush();
                resources.Add((WarcPath, warc.Hash(), warc.Length));
            }

            var cdx = string.Concat(index.OrderBy(l => l.Key, StringComparer.Ordinal).ThenBy(l => l.Line, StringComparer.Ordinal)
                .Select(l => $"{l.Key} {timestamp} {l.Line}\n"));
            resources.Add(Add(zip, IndexPath, site.Date, Encoding.UTF8.GetBytes(cdx)));
            resources.Add(Add(zip, PagesPath, site.Date, Encoding.UTF8.GetBytes(Pages(pages, date))));
            var package = Encoding.UTF8.GetBytes(Written(indented: true, w =>
            {
                w.WriteStartObject();
                w.WriteString("profile", "data-package");
                w.WriteString("wacz_version", "1.1.1");
                w.WriteString("title", site.Title);
                w.WriteString("created", date);
                w.WriteString("modified", date);
                w.WriteString("software", software);
                w.WriteString("mainPageUrl", site.BaseUrl.AbsoluteUri);
                w.WriteString("mainPageDate", date);
                w.WriteStartArray("resources");
                foreach (var (path, hash, bytes) in resources)
                {
                    w.WriteStartObject();
                    w.WriteString("name", Path.GetFileName(path));
                    w.WriteString("path", path);
                    w.WriteString("hash", hash);
                    w.WriteNumber("bytes", bytes);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }) + "\n");
            var digestFile = Written(indented: true, w =>
            {
                w.WriteStartObject();
                w.WriteString("path", PackagePath);
                w.WriteString("hash", Warc.Sha256(package));
                w.WriteEndObject();
            }) + "\n";
            // datapackage.json names the other files, so it is added after them; its digest last.
            Add(zip, PackagePath, site.Date, package);
            Add(zip, DigestPath, site.Date, Encoding.UTF8.GetBytes(digestFile));
        }
    }

    /// <summary>
    /// The address a static host serves an output file at: a folder's index.html at the folder
    /// ("about/index.html" → "…/about/"), as the site links to it; every other file at its own name.
    /// </summary>
    public static string UrlOf(Uri baseUrl, string path)
    {
        var served = path == "index.html" ? "" : path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
        return baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath + string.Join('/', served.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>
    /// The index key of a URL (Sort-friendly URI Reordering Transform), as pywb and warcio make it:
    /// the host's labels reversed without "www", ")" and the path, all in lower case.
    /// </summary>
    public static string Surt(string url)
    {
        var uri = new Uri(url);
        var host = System.Text.RegularExpressions.Regex.Replace(uri.Host, @"^www\d*\.", "");
        var key = string.Join(',', host.Split('.').Reverse()) + (uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture)) + ")" + uri.AbsolutePath;
        // Lower case last: Uri writes percent escapes in upper case ("%C3%9C"), and the key has them in lower.
        return key.ToLowerInvariant();
    }

    private static string Pages(IEnumerable<(string Url, PageText.Extract Text)> pages, string date)
    {
        var lines = new StringBuilder();
        lines.Append(Line(("format", "json-pages-1.0"), ("id", "pages"), ("title", "All Pages"))).Append('\n');
        foreach (var (url, text) in pages)
        {
            // An id made from the address, so that it is the same in every archive of the site.
            var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
            lines.Append(Line(("id", id), ("url", url), ("ts", date), ("title", text.Title), ("text", text.Text))).Append('\n');
        }

        return lines.ToString();
    }

    /// <summary>A JSON object of strings on one line, as JSON Lines and CDXJ want it.</summary>
    private static string Line(params (string Name, string Value)[] fields) => Written(indented: false, w =>
    {
        w.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
    });

    /// <summary>Written with a writer, not a serializer: the command line is compiled ahead of time, where reflection is not at hand.</summary>
    private static string Written(bool indented, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (string Path, string Hash, long Bytes) Add(ZipArchive zip, string path, DateOnly date, byte[] bytes)
    {
        using (var stream = Entry(zip, path, date, CompressionLevel.Optimal).Open())
        {
            stream.Write(bytes);
        }

        return (path, Warc.Sha256(bytes), bytes.Length);
    }

    /// <summary>An entry dated the build date, never the time of the run, so that two archives of one site are the same bytes.</summary>
    private static ZipArchiveEntry Entry(ZipArchive zip, string path, DateOnly date, CompressionLevel level)
    {
        var entry = zip.CreateEntry(path, level);
        entry.LastWriteTime = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return entry;
    }

    /// <summary>Counts and hashes what is written through it, for the WARC's offsets and its hash in datapackage.json.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public string Hash() => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            _hash.AppendData(buffer);
            _length += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
