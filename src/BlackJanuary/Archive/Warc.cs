using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace BlackJanuary.Archive;

/// <summary>
/// WARC/1.1 records (ISO 28500:2017), each compressed as a gzip member of its own so that a
/// reader can start at any record's offset, as the CDX index points there.
/// </summary>
internal static class Warc
{
    /// <summary>The namespace of the records' name-based identifiers: any fixed UUID does; this one is the generator's own.</summary>
    private static readonly Guid Namespace = new("8f0a5a3e-6c1b-5b9e-9c3d-1a2b3c4d5e6f");

    /// <summary>"sha256:" and the hex digest: the form warcio writes, and WACZ's datapackage.json uses.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// "&lt;urn:uuid:…&gt;", a name-based UUID of <paramref name="name"/> made with SHA-256 (RFC 9562,
    /// version 8, as its appendix B.2 shows): the same site gives the same identifiers, where random
    /// ones would differ on every run.
    /// </summary>
    public static string RecordId(string name)
    {
        var input = Namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA256.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return $"<urn:uuid:{new Guid(hash.AsSpan(0, 16), bigEndian: true)}>";
    }

    /// <summary>"2026-12-07T00:00:00Z": the WARC-Date of every record, the site's build date.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd'T00:00:00Z'", CultureInfo.InvariantCulture);

    /// <summary>The warcinfo record that opens the file: what made it, and from which site.</summary>
    public static byte[] Info(string id, string date, string filename, IReadOnlyList<(string Name, string Value)> fields)
    {
        var block = Encoding.UTF8.GetBytes(string.Concat(fields.Select(f => $"{f.Name}: {f.Value}\r\n")));
        return Record(block,
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", id),
            ("WARC-Date", date),
            ("WARC-Filename", filename),
            ("Content-Type", "application/warc-fields"),
        ]);
    }

    /// <summary>A response record: the HTTP response a static host sends for <paramref name="url"/>, status 200.</summary>
    public static byte[] Response(string id, string infoId, string date, string url, string contentType, byte[] payload)
    {
        var head = Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\n" +
            $"Content-Type: {contentType}\r\n" +
            $"Content-Length: {payload.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        var block = new byte[head.Length + payload.Length];
        head.CopyTo(block, 0);
        payload.CopyTo(block, head.Length);
        return Record(block,
        [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", id),
            ("WARC-Warcinfo-ID", infoId),
            ("WARC-Date", date),
            ("WARC-Target-URI", url),
            ("WARC-Payload-Digest", Sha256(payload)),
            ("Content-Type", "application/http; msgtype=response"),
        ]);
    }

    /// <summary>A record's bytes, gzipped: the version line, the named fields, the block's digest and length, the block, and the two line ends that close it.</summary>
    private static byte[] Record(byte[] block, IReadOnlyList<(string Name, string Value)> fields)
    {
        var header = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in fields)
        {
            header.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        header.Append(CultureInfo.InvariantCulture, $"WARC-Block-Digest: {Sha256(block)}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            // Field values are URLs and tokens: UTF-8 is what WARC/1.1 allows in a header.
            gzip.Write(Encoding.UTF8.GetBytes(header.ToString()));
            gzip.Write(block);
            gzip.Write("\r\n\r\n"u8);
        }

        return gzipped.ToArray();
    }
}
