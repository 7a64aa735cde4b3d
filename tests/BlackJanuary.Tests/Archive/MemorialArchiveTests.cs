using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Archive;

/// <summary>The memorial itself, with its committed urls.lock, archived as an archive would take it and read back by warcio.</summary>
public sealed class MemorialArchiveTests
{
    [Fact]
    public void The_memorial_archives_into_a_wacz_that_warcio_reads_whole_with_every_digest_and_hash_holding()
    {
        using var scratch = new ScratchFolder("bj-memorial-wacz-");
        var wacz = Path.Combine(Directory.CreateDirectory(scratch.Root).FullName, "memorial.wacz");
        var run = ScratchFolder.Run(["archive", "--content", Path.Combine(RepoPaths.Root, "content"), "--output", wacz, "--now", ArchivedSite.Now, "--cache", Path.Combine(scratch.Root, "cache"), "--strict"]);
        Assert.True(run.ExitCode == 0, run.Stderr);

        var unzipped = Path.Combine(scratch.Root, "unzipped");
        ZipFile.ExtractToDirectory(wacz, unzipped);
        using var warcio = JsonDocument.Parse(ArchivedSite.WarcCheck(Path.Combine(unzipped, "archive", "data.warc.gz"), Path.Combine(unzipped, "indexes", "index.cdx")));
        var records = warcio.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.True(records.Count > 100, $"{records.Count} records");
        Assert.All(records, r => Assert.True(r.GetProperty("blockDigestHeld").GetBoolean() && r.GetProperty("contentLengthHeld").GetBoolean(), r.ToString()));
        Assert.All(records.Where(r => r.GetProperty("type").GetString() == "response"), r => Assert.True(r.GetProperty("payloadDigestHeld").GetBoolean(), r.ToString()));
        Assert.Empty(warcio.RootElement.GetProperty("indexDifferences").EnumerateArray());
        var urls = records.Select(r => r.GetProperty("url").GetString()).ToHashSet(StringComparer.Ordinal);
        foreach (var address in new[] { "https://blackjanuary.github.io/memorial/", "https://blackjanuary.github.io/memorial/ru/timeline/", "https://blackjanuary.github.io/memorial/en/about/cite.bib", "https://blackjanuary.github.io/memorial/published-urls.txt" })
        {
            Assert.Contains(address, urls);
        }

        // The build behind the archive kept every address of the committed lock (else it would have failed); each is in the archive too.
        var locked = File.ReadAllLines(Path.Combine(RepoPaths.Root, "content", "urls.lock")).Where(l => l.StartsWith('/')).Select(l => l.Split('\t')[0]).ToList();
        Assert.True(locked.Count >= 27, $"{locked.Count} addresses in content/urls.lock");
        Assert.All(locked, address => Assert.Contains("https://blackjanuary.github.io/memorial" + address, urls));

        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(unzipped, "datapackage.json")));
        Assert.All(package.RootElement.GetProperty("resources").EnumerateArray(), resource =>
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(unzipped, resource.GetProperty("path").GetString()!)))), resource.GetProperty("hash").GetString()));
        var pages = File.ReadAllLines(Path.Combine(unzipped, "pages", "pages.jsonl"));
        Assert.True(pages.Length > 19, $"{pages.Length - 1} pages in pages.jsonl");
    }
}
