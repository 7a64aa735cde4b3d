using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Archive;

/// <summary>
/// A fictional site, built and archived through the real command line once for the whole class:
/// the build into a folder, two archives of the same input, and an offline copy.
/// </summary>
public sealed class ArchivedSite : IDisposable
{
    public const string Now = "2026-12-07";

    public FixtureSite Site { get; } = new(new Dictionary<string, string>
    {
        ["content/site.yaml"] = "title: Testville Remembers\nbase_url: https://memorial.example.org/sub/\n",
        ["content/pages/index.md"] = "---\ntitle: Welcome to Testville\n---\nA fictional town. Read [about the mill](history/mill.md) and [the timeline](timeline.md#1902-03-04-the-mill-burns).\n\n![The old mill in winter](/media/mill.jpg)\n",
        ["content/pages/history/mill.md"] = "---\ntitle: The Mill of Testville\n---\n## Before the fire\n\nThe *mill* ground grain for a century.\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
        ["content/timeline.yaml"] = "- date: 1902-03-04\n  title: The mill burns\n  place: Testville\n",
        ["content/pages/cafe.md"] = "---\ntitle: Café Ünal\n---\nHer [notes](/media/notes of Ünal.txt), a file whose address has a space and letters beyond ASCII.\n",
        ["content/media/notes of Ünal.txt"] = "Opening hours of the fictional café.\n",
    }, withTheme: false);

    public string Archive => Path.Combine(Site.Root, "first.wacz");

    public string Again => Path.Combine(Site.Root, "second.wacz");

    public string Offline => Path.Combine(Site.Root, "offline");

    public string Unzipped => Path.Combine(Site.Root, "unzipped");

    public CliRun Build { get; }

    public CliRun First { get; }

    public CliRun Second { get; }

    /// <summary>What warcio found in the WARC: every record, and how its index compares with ours.</summary>
    public JsonElement Warcio { get; }

    public ArchivedSite()
    {
        Site.WriteBytes("content/media/mill.jpg", TestImages.Jpeg(480, 320));
        Build = Site.Build("--now", Now);
        First = Archiving("--output", Archive, "--offline", Offline);
        Second = Archiving("--output", Again);
        if (First.ExitCode == 0)
        {
            ZipFile.ExtractToDirectory(Archive, Unzipped);
            Warcio = JsonDocument.Parse(WarcCheck(Path.Combine(Unzipped, "archive", "data.warc.gz"), Path.Combine(Unzipped, "indexes", "index.cdx"))).RootElement.Clone();
        }
    }

    public CliRun Archiving(params string[] extra) =>
        Site.Run(["archive", "--content", Site.Content, "--now", Now, .. extra]);

    /// <summary>Where tests/run.sh installs warcio: $XDG_CACHE_HOME (default ~/.cache)/blackjanuary/warcio.</summary>
    private static string WarcioPackage => Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "blackjanuary", "warcio", "node_modules", "warcio");

    internal static string WarcCheck(string warc, string index)
    {
        if (!Directory.Exists(WarcioPackage))
        {
            throw new InvalidOperationException($"warcio is not installed at {WarcioPackage}: tests/run.sh installs it; by hand: npm install --prefix ~/.cache/blackjanuary/warcio warcio@2.4.11");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "tests", "BlackJanuary.Tests", "Archive", "warc-check.mjs"), WarcioPackage, warc, index })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"warc-check.mjs failed: {error.Result}");
        }

        return output.Result;
    }

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// 'blackjanuary archive': the WACZ is checked by tools we did not write (warcio reads every
/// record and indexes the WARC again; System.IO.Compression and SHA-256 check the package), and
/// against the site 'build' writes.
/// </summary>
public sealed class ArchiveTests(ArchivedSite archived) : IClassFixture<ArchivedSite>
{
    private static readonly HtmlParser Parser = new();

    private IEnumerable<JsonElement> Records => archived.Warcio.GetProperty("records").EnumerateArray();

    private IEnumerable<JsonElement> Responses => Records.Where(r => r.GetProperty("type").GetString() == "response");

    /// <summary>Every file 'build' wrote, by its path in the output folder, but the build's marker and the host's settings.</summary>
    private Dictionary<string, byte[]> Built => Directory.EnumerateFiles(archived.Site.Output, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(archived.Site.Output, f).Replace('\\', '/'))
        .Where(p => p is not (".blackjanuary-output" or "_headers"))
        .ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(archived.Site.Output, p)), StringComparer.Ordinal);

    private static string Url(string path) =>
        "https://memorial.example.org/sub/" + string.Join('/', (path == "index.html" ? "" : path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)
            .Split('/').Select(Uri.EscapeDataString));

    [Fact]
    public void The_site_builds_and_archives_with_a_message_naming_the_file()
    {
        Assert.Equal(0, archived.Build.ExitCode);
        Assert.True(archived.First.ExitCode == 0, archived.First.Stderr);
        Assert.Contains("Archived ", archived.First.Stdout, StringComparison.Ordinal);
        Assert.Contains("first.wacz", archived.First.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_parses_with_warcio_and_its_digests_and_lengths_hold()
    {
        var records = Records.ToList();
        Assert.Equal("warcinfo", records[0].GetProperty("type").GetString());
        Assert.All(records, r =>
        {
            Assert.True(r.GetProperty("blockDigestHeld").GetBoolean(), $"block digest of {r}");
            Assert.True(r.GetProperty("contentLengthHeld").GetBoolean(), $"Content-Length of {r}");
            Assert.Equal("2026-12-07T00:00:00Z", r.GetProperty("date").GetString());
            Assert.StartsWith("<urn:uuid:", r.GetProperty("id").GetString(), StringComparison.Ordinal);
        });
        Assert.All(Responses, r =>
        {
            Assert.True(r.GetProperty("payloadDigestHeld").GetBoolean(), $"payload digest of {r}");
            Assert.Equal(200, r.GetProperty("status").GetInt32());
            Assert.Equal(r.GetProperty("payloadLength").GetInt32(), r.GetProperty("contentLength").GetInt32());
        });
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public void The_index_is_the_one_warcio_makes_of_the_warc_sorted_by_key()
    {
        Assert.Empty(archived.Warcio.GetProperty("indexDifferences").EnumerateArray());
        Assert.Equal(Responses.Count(), archived.Warcio.GetProperty("indexLines").GetInt32());
        var keys = File.ReadAllLines(Path.Combine(archived.Unzipped, "indexes", "index.cdx")).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Contains("org,example,memorial)/sub/history/mill/", keys);
    }

    [Fact]
    public void Every_built_file_is_in_the_warc_at_its_address_with_the_same_bytes_and_its_content_type()
    {
        var responses = Responses.ToDictionary(r => r.GetProperty("url").GetString()!, StringComparer.Ordinal);
        var built = Built;
        Assert.Equal(built.Keys.Select(Url).Order(StringComparer.Ordinal), responses.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in built)
        {
            var response = responses[Url(path)];
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), response.GetProperty("payloadDigest").GetString());
        }

        Assert.Equal("text/html; charset=utf-8", responses["https://memorial.example.org/sub/cafe/"].GetProperty("contentType").GetString());
        Assert.Equal("text/plain; charset=utf-8", responses["https://memorial.example.org/sub/media/notes%20of%20%C3%9Cnal.txt"].GetProperty("contentType").GetString());
        Assert.Equal("image/jpeg", responses.First(r => r.Key.EndsWith(".jpg", StringComparison.Ordinal)).Value.GetProperty("contentType").GetString());
        Assert.StartsWith("text/css; charset=utf-8", responses.First(r => r.Key.EndsWith(".css", StringComparison.Ordinal)).Value.GetProperty("contentType").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_hash_in_datapackage_json_matches_its_zip_entry_and_the_warc_is_stored()
    {
        using var zip = ZipFile.OpenRead(archived.Archive);
        string Hash(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        using var package = JsonDocument.Parse(zip.GetEntry("datapackage.json")!.Open());
        Assert.Equal("data-package", package.RootElement.GetProperty("profile").GetString());
        Assert.Equal("1.1.1", package.RootElement.GetProperty("wacz_version").GetString());
        Assert.Equal("2026-12-07T00:00:00Z", package.RootElement.GetProperty("created").GetString());
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["archive/data.warc.gz", "indexes/index.cdx", "pages/pages.jsonl"], resources.Select(r => r.GetProperty("path").GetString()));
        foreach (var resource in resources)
        {
            var path = resource.GetProperty("path").GetString()!;
            Assert.Equal(Hash(path), resource.GetProperty("hash").GetString());
            Assert.Equal(zip.GetEntry(path)!.Length, resource.GetProperty("bytes").GetInt64());
        }

        using var digest = JsonDocument.Parse(zip.GetEntry("datapackage-digest.json")!.Open());
        Assert.Equal("datapackage.json", digest.RootElement.GetProperty("path").GetString());
        Assert.Equal(Hash("datapackage.json"), digest.RootElement.GetProperty("hash").GetString());

        var warc = zip.GetEntry("archive/data.warc.gz")!;
        Assert.Equal(warc.Length, warc.CompressedLength);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2026, 12, 7), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Two_archives_of_the_same_site_are_the_same_bytes()
    {
        Assert.Equal(0, archived.Second.ExitCode);
        Assert.Equal(File.ReadAllBytes(archived.Archive), File.ReadAllBytes(archived.Again));
    }

    [Fact]
    public void Pages_jsonl_lists_every_html_page_with_its_title_and_text()
    {
        var lines = File.ReadAllLines(Path.Combine(archived.Unzipped, "pages", "pages.jsonl"));
        using (var header = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal("json-pages-1.0", header.RootElement.GetProperty("format").GetString());
        }

        var pages = lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(p => p.GetProperty("url").GetString()!, StringComparer.Ordinal);
        var html = Built.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(html.Select(f => Url(f.Key)).Order(StringComparer.Ordinal), pages.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in html)
        {
            using var document = Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal(document.Title, pages[Url(path)].GetProperty("title").GetString());
            Assert.Equal("2026-12-07T00:00:00Z", pages[Url(path)].GetProperty("ts").GetString());
        }

        var mill = pages["https://memorial.example.org/sub/history/mill/"].GetProperty("text").GetString()!;
        Assert.Contains("Before the fire The mill ground grain for a century.", mill, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_internal_address_of_the_offline_copy_is_relative_and_leads_to_a_file_on_disk()
    {
        var files = Directory.EnumerateFiles(archived.Offline, "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var checkedAddresses = 0;
        foreach (var file in files)
        {
            using var document = Parser.ParseDocument(File.ReadAllText(file));
            Assert.Empty(document.QuerySelectorAll("base"));
            var addresses = document.QuerySelectorAll("[href], [src], [action], [poster]")
                .Where(e => !(e.LocalName == "link" && e.GetAttribute("rel") == "canonical"))
                .SelectMany(e => new[] { "href", "src", "action", "poster" }.Select(e.GetAttribute).OfType<string>())
                .Concat(document.QuerySelectorAll("[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(',').Select(c => c.Trim().Split(' ')[0])));
            foreach (var address in addresses.Where(a => !a.StartsWith('#') && !a.Contains(':', StringComparison.Ordinal)))
            {
                Assert.False(address.StartsWith('/'), $"{address} in {file} is not relative");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(address.Split('#', '?')[0])));
                Assert.True(File.Exists(target), $"{address} in {Path.GetRelativePath(archived.Offline, file)} leads to no file ({target})");
                checkedAddresses++;
            }

            // Nothing leads back to the site on the web but the page's canonical address and its metadata.
            Assert.DoesNotContain(document.QuerySelectorAll("a[href], img[src], link[rel=stylesheet], script[src]"),
                e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.StartsWith("https://memorial.example.org", StringComparison.Ordinal));
        }

        Assert.True(checkedAddresses > 20, $"only {checkedAddresses} addresses were checked");
        var home = File.ReadAllText(Path.Combine(archived.Offline, "index.html"));
        Assert.Contains("href=\"history/mill/index.html\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"timeline/index.html#1902-03-04-the-mill-burns\"", home, StringComparison.Ordinal);
        Assert.Contains(" srcset=\"media/", home, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offline_copy_of_a_style_sheet_leads_to_its_images_relatively()
    {
        foreach (var css in Directory.EnumerateFiles(archived.Offline, "*.css", SearchOption.AllDirectories))
        {
            foreach (System.Text.RegularExpressions.Match url in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(css), @"url\(\s*['""]?([^'""\)]+)"))
            {
                var address = url.Groups[1].Value;
                if (!address.StartsWith("data:", StringComparison.Ordinal) && !address.StartsWith('#'))
                {
                    Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(css)!, Uri.UnescapeDataString(address))), $"{address} in {css}");
                }
            }
        }
    }

    [Fact]
    public void An_archive_that_cannot_be_written_is_a_clear_error_and_no_stack_trace()
    {
        var run = archived.Archiving("--output", Path.Combine(archived.Site.Root, "no-such-folder", "site.wacz"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ5001: cannot write the archive:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no archive was written", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(archived.Site.Root, "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_archive_is_not_written_into_the_content_folder()
    {
        var run = archived.Archiving("--output", Path.Combine(archived.Site.Content, "media", "site.wacz"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ5001: the archive would be written inside the content folder", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(archived.Site.Content, "media", "site.wacz")));
    }

    [Fact]
    public void An_archive_is_not_written_into_the_content_folder_through_a_link_to_it_either()
    {
        var link = Path.Combine(archived.Site.Root, "shortcut-to-media");
        Directory.CreateSymbolicLink(link, Path.Combine(archived.Site.Content, "media"));
        try
        {
            var run = archived.Archiving("--output", Path.Combine(link, "site.wacz"));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("error BJ5001: the archive would be written inside the content folder", run.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(archived.Site.Content, "media", "site.wacz")));
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    [Fact]
    public void A_site_with_errors_writes_no_archive()
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["content/pages/bad.md"] = "---\ntitle: [unclosed\n---\n" });
        var output = Path.Combine(site.Root, "site.wacz");

        var run = site.Run("archive", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates"), "--output", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/bad.md", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no archive was written", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Without_output_the_archive_is_named_after_the_sites_address_in_its_root()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());

        var run = site.Run("archive", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates"), "--now", ArchivedSite.Now);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(Path.Combine(site.Root, "memorial.example.org-sub.wacz")));
    }

    [Theory]
    [InlineData("build", "--offline", "x", "--offline applies to archive only")]
    [InlineData("check", "--output", "x.wacz", "--output applies to build and archive only")]
    public void Archive_options_apply_to_archive_only(string command, string option, string value, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());

        var run = site.Run(command, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}
