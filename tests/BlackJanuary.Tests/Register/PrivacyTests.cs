using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Register;

/// <summary>
/// What an editor keeps out of the site (publish: false, an embargo not yet over, withheld
/// fields) is in no byte of the output, whatever the templates try: the records never reach them.
/// </summary>
public sealed class PrivacyTests : IDisposable
{
    private readonly RegisterFixture _site = new();

    public void Dispose() => _site.Dispose();

    private void BuildStrict()
    {
        var run = _site.Build("--strict");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void No_output_file_holds_a_name_id_or_withheld_value_of_a_record_kept_out_of_the_site()
    {
        BuildStrict();
        Assert.Empty(RegisterFixture.Leaks(_site.Output, RegisterFixture.Secrets));
    }

    [Fact]
    public void The_archive_and_its_offline_copy_hold_no_name_id_or_withheld_value_of_a_record_kept_out_of_the_site()
    {
        var wacz = Path.Combine(_site.Root, "register.wacz");
        var offline = Path.Combine(_site.Root, "offline");
        var run = ScratchFolder.Run(["archive", "--content", _site.Content, "--templates", Path.Combine(_site.Root, "templates"), "--now", RegisterFixture.Today, "--output", wacz, "--offline", offline]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

        // The WARC's records are gzipped one by one: they are read whole, decompressed, as a replay tool reads them.
        var unzipped = Path.Combine(_site.Root, "unzipped");
        System.IO.Compression.ZipFile.ExtractToDirectory(wacz, unzipped);
        var warc = Path.Combine(unzipped, "archive", "data.warc.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.OpenRead(warc), System.IO.Compression.CompressionMode.Decompress))
        using (var plain = File.Create(Path.Combine(unzipped, "archive", "data.warc")))
        {
            gzip.CopyTo(plain);
        }

        File.Delete(warc);
        Assert.Contains("people/test-person-one/", File.ReadAllText(Path.Combine(unzipped, "archive", "data.warc")), StringComparison.Ordinal);
        Assert.Empty(RegisterFixture.Leaks(unzipped, RegisterFixture.Secrets));
        Assert.Empty(RegisterFixture.Leaks(offline, RegisterFixture.Secrets));
    }

    [Fact]
    public void The_search_index_has_no_key_of_a_word_of_a_record_kept_out_of_the_site()
    {
        BuildStrict();
        var tokens = Directory.EnumerateFiles(Path.Combine(_site.Output, "search-index"), "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "t")
            .SelectMany(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(t => t[0].GetString()!))
            .ToHashSet(StringComparer.Ordinal);
        var rules = BlackJanuary.Search.SearchRules.Default;

        // The published are there, under the key of every spelling of their names.
        Assert.Contains(rules.Keys("Sınaqov").Single(), tokens);
        Assert.Contains(rules.Keys("Synagov").Single(), tokens);
        // Words this long are the records' own: no published text has them.
        var secretKeys = RegisterFixture.Secrets.SelectMany(rules.Keys).Where(k => k.Length >= 7).Distinct().ToList();
        Assert.NotEmpty(secretKeys);
        Assert.DoesNotContain(secretKeys, tokens.Contains);
    }

    [Fact]
    public void Templates_that_write_out_everything_they_are_given_still_write_nothing_kept_out()
    {
        // A theme that dumps every value of every page, person, list and event it can reach.
        const string dump = "{{ json page }}{{ json site }}{{ json timeline }}";
        foreach (var layout in new[] { "person", "people", "timeline", "page", "home" })
        {
            _site.Write($"content/templates/layouts/{layout}.html", dump);
        }

        BuildStrict();
        Assert.Contains("Test Person One", _site.Read("en/people/test-person-one/index.html"));
        Assert.Empty(RegisterFixture.Leaks(_site.Output, RegisterFixture.Secrets));
    }

    [Fact]
    public void The_scan_finds_a_withheld_value_planted_in_a_template()
    {
        _site.Write("content/templates/layouts/person.html", "<p>{{ page.title }} lived at SECRET-RESIDENCE-TWO</p>");
        BuildStrict();
        var leaks = RegisterFixture.Leaks(_site.Output, RegisterFixture.Secrets);
        Assert.Contains(Path.Combine("people", "test-person-two", "index.html") + ": SECRET-RESIDENCE-TWO", leaks);
    }

    [Fact]
    public void An_embargoed_record_is_published_from_its_day_on_and_not_before()
    {
        var before = _site.Build("--now", "2998-12-31");
        Assert.Equal(0, before.ExitCode);
        Assert.False(_site.Exists("people/embargoed-person/index.html"));
        var on = _site.Build("--now", "2999-01-01");
        Assert.Equal(0, on.ExitCode);
        Assert.Contains("EMBARGOED-NAME", _site.Read("people/embargoed-person/index.html"));
        Assert.Contains("embargoed-person", _site.Read("people.csv"));
    }

    [Fact]
    public void The_build_date_comes_from_SOURCE_DATE_EPOCH_when_no_date_is_given()
    {
        var options = new BuildOptions(_site.Content, Path.Combine(_site.Root, "templates"), _site.Output);
        var before = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "32503680000"); // 3000-01-01
            Assert.Equal(new DateOnly(3000, 1, 1), options.BuildDate());
            Assert.Equal(new DateOnly(2001, 2, 3), (options with { Today = new DateOnly(2001, 2, 3) }).BuildDate());
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", before);
        }
    }

    [Fact]
    public void What_serve_holds_in_memory_holds_nothing_kept_out_either()
    {
        var builder = new SiteBuilder(new BuildOptions(_site.Content, Path.Combine(_site.Root, "templates"), _site.Output, Today: new DateOnly(2026, 12, 6)), BuildMode.Session);
        var snapshot = builder.Build();
        Assert.True(snapshot.Succeeded, string.Join("\n", snapshot.Diagnostics));
        var texts = snapshot.Files.Select(f => (f.Key, Text: f.Value.Text ?? File.ReadAllText(f.Value.SourceFile!))).ToList();
        Assert.Contains(texts, t => t.Key == "people/test-person-one/index.html");
        Assert.Empty(texts.SelectMany(t => RegisterFixture.Secrets.Where(s => t.Text.Contains(s, StringComparison.Ordinal) || t.Key.Contains(s, StringComparison.Ordinal)).Select(s => $"{t.Key}: {s}")));
    }
}
