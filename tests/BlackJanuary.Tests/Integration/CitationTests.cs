using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BlackJanuary.Model;
using BlackJanuary.Tests.Register;
using BlackJanuary.Tests.Support;
using Json.Schema;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Cite this page (issue 23): every page, person and event shows how to cite it in its language;
/// each cited page has CSL-JSON, BibTeX and RIS beside it, its head carries the Highwire Press and
/// Dublin Core tags reference managers read, and the site has a CITATION.cff. The files are read
/// back by tools we did not write: the CSL schema with JsonSchema.Net, BibTeX and RIS with
/// citation-js. A fictional site in three languages, built with the real theme.
/// </summary>
public class CitationTests
{
    private static readonly string Theme = Path.Combine(RepoPaths.Root, "templates");

    private const string Origin = "https://memorial.example.org/sub/";

    /// <summary>English by default; the about page in three languages (its English title full of TeX's special characters), a page without dates, a timeline.</summary>
    private static Dictionary<string, string> Site() => new()
    {
        ["content/site.yaml"] = """
            title: Testville Memorial
            author: Testville Memorial Project
            base_url: https://memorial.example.org/sub/
            language: en
            languages:
              en:
                name: English
                culture: en-GB
              az:
                name: Azərbaycanca
                culture: az-Latn-AZ
                title: Testvil Xatirəsi
              ru:
                name: Русский
                culture: ru-RU
                title: Память Тествиля
            """,
        ["content/pages/index.md"] = "---\ntitle: Welcome to Testville\nweight: 1\n---\nAn invented town.\n",
        ["content/pages/index.az.md"] = "---\ntitle: Xoş gəlmisiniz\nweight: 1\n---\nUydurma şəhər.\n",
        ["content/pages/index.ru.md"] = "---\ntitle: Добро пожаловать\nweight: 1\n---\nВымышленный город.\n",
        ["content/pages/about.md"] = "---\ntitle: 'Songs & 100% of #names_x {and} ~ more'\ndate: 2024-01-20\nupdated: 2024-03-05\n---\nAbout the invented town.\n",
        ["content/pages/about.az.md"] = "---\ntitle: Haqqında\ndate: 2024-01-20\n---\nUydurma.\n",
        ["content/pages/about.ru.md"] = "---\ntitle: О сайте\ndate: 2024-01-20\nupdated: 2024-01-20\n---\nВымысел.\n",
        ["content/pages/notes.md"] = "---\ntitle: Notes\n---\nUndated notes.\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\ndate: 2024-02-01\n---\n",
        ["content/timeline.yaml"] = """
            - date: 1901-05-06
              id: 1901-05-06-bridge
              title: The bridge opens
            """,
    };

    private static (FixtureSite Site, CliRun Run) Build(Dictionary<string, string> files)
    {
        var site = new FixtureSite(files, withTheme: false, withContent: false);
        return (site, site.Run(["build", "--content", site.Content, "--templates", Theme, "--output", site.Output, "--strict"]));
    }

    private static IHtmlDocument Parse(FixtureSite site, string file) => new HtmlParser().ParseDocument(site.Read(file));

    /// <summary>The content of every meta tag with this name; the test asks for exactly one.</summary>
    private static List<string> Meta(IHtmlDocument page, string name) =>
        page.Head!.QuerySelectorAll("meta").Where(m => m.GetAttribute("name") == name).Select(m => m.GetAttribute("content")!).ToList();

    [Fact]
    public void A_page_s_head_carries_each_Highwire_and_Dublin_Core_tag_once_with_the_page_s_citation()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var about = Parse(site, "about/index.html");
        var expected = new Dictionary<string, string>
        {
            ["citation_title"] = "Songs & 100% of #names_x {and} ~ more",
            ["citation_author"] = "Testville Memorial Project",
            ["citation_publication_date"] = "2024/01/20",
            ["citation_online_date"] = "2024/03/05",
            ["citation_public_url"] = Origin + "about/",
            ["citation_language"] = "en",
            ["DC.title"] = "Songs & 100% of #names_x {and} ~ more",
            ["DC.creator"] = "Testville Memorial Project",
            ["DC.date"] = "2024-01-20",
            ["DC.language"] = "en",
            ["DC.identifier"] = Origin + "about/",
            ["DC.publisher"] = "Testville Memorial",
        };
        foreach (var (name, value) in expected)
        {
            Assert.True(Meta(about, name) is [var only] && only == value, $"{name}: [{string.Join(", ", Meta(about, name))}], expected once '{value}'");
        }

        Assert.Equal(["http://purl.org/dc/elements/1.1/"], about.Head!.QuerySelectorAll("link[rel='schema.DC']").Select(l => l.GetAttribute("href")));

        // A translation cites in its language at its own address; an 'updated' equal to the date is no update.
        using var ru = Parse(site, "ru/about/index.html");
        Assert.Equal(["О сайте"], Meta(ru, "citation_title"));
        Assert.Equal(["ru"], Meta(ru, "DC.language"));
        Assert.Equal([Origin + "ru/about/"], Meta(ru, "DC.identifier"));
        Assert.Equal(["Память Тествиля"], Meta(ru, "DC.publisher"));
        Assert.Empty(Meta(ru, "citation_online_date"));

        // Without dates a page cites without them, and invents none.
        using var notes = Parse(site, "notes/index.html");
        Assert.Equal(["Notes"], Meta(notes, "citation_title"));
        Assert.Empty(Meta(notes, "citation_publication_date"));
        Assert.Empty(Meta(notes, "DC.date"));
    }

    [Fact]
    public void The_not_found_page_and_search_pages_are_not_cited()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var notFound = Parse(site, "404.html");
        Assert.Empty(notFound.Head!.QuerySelectorAll("meta[name^='citation_'], meta[name^='DC.'], link[rel='schema.DC']"));
        Assert.Null(notFound.QuerySelector(".cite"));
        Assert.False(site.Exists("search/cite.json"));
        Assert.True(site.Exists("search/index.html"));
        Assert.True(site.Exists("cite.json"), "the home page cites the memorial itself");
    }

    [Fact]
    public void The_block_reads_in_the_page_s_language_with_the_dates_it_has_and_links_the_files()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal(
            ("How to cite", $"Testville Memorial Project. “Songs & 100% of #names_x {{and}} ~ more”. Testville Memorial. Published: 20 January 2024. Updated: 5 March 2024. URL: {Origin}about/ (accessed: [date])."),
            Block(site, "about/index.html"));
        Assert.Equal(
            ("Necə istinad etməli", $"Testville Memorial Project. «Haqqında». Testvil Xatirəsi. Dərc olunub: 20 yanvar 2024. URL: {Origin}az/about/ (müraciət tarixi: [tarix])."),
            Block(site, "az/about/index.html"));
        Assert.Equal(
            ("Как сослаться", $"Testville Memorial Project. «О сайте». Память Тествиля. Опубликовано: 20 января 2024\u202Fг. URL: {Origin}ru/about/ (дата обращения: [дата])."),
            Block(site, "ru/about/index.html"));
        Assert.Equal(
            ("How to cite", $"Testville Memorial Project. “Notes”. Testville Memorial. URL: {Origin}notes/ (accessed: [date])."),
            Block(site, "notes/index.html"));

        using var about = Parse(site, "ru/about/index.html");
        Assert.Equal(["/sub/ru/about/cite.bib", "/sub/ru/about/cite.ris", "/sub/ru/about/cite.json"],
            about.QuerySelectorAll(".cite-files a[download]").Select(a => a.GetAttribute("href")!));
        // Each link names the format's media type; BibTeX and RIS are sent by hosts as the types reference managers know.
        Assert.Equal(["application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json"],
            about.QuerySelectorAll(".cite-files a[download]").Select(a => a.GetAttribute("type")!));
        Assert.Equal("application/x-bibtex; charset=utf-8", ContentTypes.Of("ru/about/cite.bib"));
        Assert.Equal("2024-01-20", about.QuerySelector(".cite-text time")!.GetAttribute("datetime"));
        foreach (var file in new[] { "ru/about/cite.bib", "ru/about/cite.ris", "ru/about/cite.json" })
        {
            Assert.True(site.Exists(file), file);
        }
    }

    [Fact]
    public void Each_event_cites_at_its_anchor_with_its_timeline_page_s_date()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var timeline = Parse(site, "timeline/index.html");
        var cite = timeline.GetElementById("1901-05-06-bridge")!.QuerySelector("details.cite-event")!;
        Assert.Equal("Cite this event", cite.QuerySelector("summary")!.TextContent);
        Assert.Equal($"Testville Memorial Project. “The bridge opens”. Testville Memorial. Published: 1 February 2024. URL: {Origin}timeline/#1901-05-06-bridge (accessed: [date]).",
            cite.QuerySelector(".cite-text")!.TextContent);
        // The timeline page itself has its block and files too.
        Assert.Equal("How to cite", timeline.QuerySelector("section.cite h2")!.TextContent);
        Assert.True(site.Exists("timeline/cite.ris"));
    }

    private static (string Heading, string Text) Block(FixtureSite site, string file)
    {
        using var page = Parse(site, file);
        var block = page.QuerySelector("section.cite")!;
        return (block.QuerySelector("h2")!.TextContent, block.QuerySelector(".cite-text")!.TextContent);
    }

    [Fact]
    public void Every_cite_json_is_valid_CSL_JSON_by_the_official_schema()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "csl", "csl-data.json")));
        var files = Directory.GetFiles(site.Output, "cite.json", SearchOption.AllDirectories);
        Assert.Equal(8, files.Length); // three home pages, three about pages, notes, the timeline (in English only)
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, file + ": " + JsonSerializer.Serialize(result));
        }

        using var wrongType = JsonDocument.Parse(site.Read("about/cite.json").Replace("\"webpage\"", "\"web-page\"", StringComparison.Ordinal));
        Assert.False(schema.Evaluate(wrongType.RootElement).IsValid, "the schema must refuse a type CSL does not have, or it checks nothing");

        var about = JsonNode.Parse(site.Read("about/cite.json"))!.AsArray().Single()!;
        Assert.Equal("webpage", (string?)about["type"]);
        Assert.Equal("Testville Memorial", (string?)about["container-title"]);
        Assert.Equal("Testville Memorial Project", (string?)about["author"]![0]!["literal"]);
        Assert.Equal("[[2024,1,20]]", about["issued"]!["date-parts"]!.ToJsonString());
        Assert.Null(about["accessed"]);
        Assert.Null(JsonNode.Parse(site.Read("notes/cite.json"))![0]!["issued"]);
    }

    [Fact]
    public void BibTeX_and_RIS_read_back_by_citation_js_give_the_title_author_and_address_the_page_shows()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        foreach (var page in new[] { "about/", "az/about/", "ru/about/", "notes/" })
        {
            using var html = Parse(site, page + "index.html");
            var title = html.QuerySelector("h1")!.TextContent;
            var author = html.QuerySelector(".cite-text")!.TextContent.Split(". ")[0];
            var url = html.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
            foreach (var parsed in CitationJs(Path.Combine(site.Output, page, "cite.bib"), Path.Combine(site.Output, page, "cite.ris")))
            {
                Assert.Equal(title, (string?)parsed["title"]);
                var name = parsed["author"]![0]!;
                Assert.Equal(author, (string?)name["literal"] ?? (string?)name["family"]);
                Assert.Equal(url, (string?)parsed["URL"]);
            }
        }

        var ris = site.Read("about/cite.ris");
        Assert.Equal(ris.Split("\r\n").Length - 1, ris.Count(c => c == '\n'));
        Assert.Contains("DA  - 2024/01/20/\r\n", ris, StringComparison.Ordinal);
        Assert.Contains(@"title = {Songs \& 100\% of \#names\_x \{and\} \textasciitilde{} more},", site.Read("about/cite.bib"), StringComparison.Ordinal);
        Assert.Contains("title = {О сайте},", site.Read("ru/about/cite.bib"), StringComparison.Ordinal);
    }

    /// <summary>Where tests/run.sh installs citation-js: $XDG_CACHE_HOME (default ~/.cache)/blackjanuary/citation-js.</summary>
    private static readonly string CitationJsFolder = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "blackjanuary", "citation-js");

    /// <summary>What citation-js understood of each file, as CSL-JSON.</summary>
    private static List<JsonNode> CitationJs(params string[] files)
    {
        Assert.True(Directory.Exists(Path.Combine(CitationJsFolder, "node_modules", "@citation-js", "plugin-ris")),
            $"citation-js is not installed in {CitationJsFolder}: run tests/run.sh, which installs it");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(RepoPaths.Root, "tests", "BlackJanuary.Tests", "Integration", "cite-parse.cjs"), CitationJsFolder, .. files])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "node did not finish within a minute");
        Assert.True(process.ExitCode == 0, error.Result);
        return [.. output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    [Fact]
    public void The_site_root_has_a_CITATION_cff_dated_by_its_newest_page()
    {
        var (site, run) = Build(Site());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal("""
            # How to cite this memorial (https://citation-file-format.github.io/).
            cff-version: 1.2.0
            message: "If you refer to this memorial, please cite it as below."
            title: "Testville Memorial"
            authors:
              - name: "Testville Memorial Project"
            url: "https://memorial.example.org/sub/"
            date-released: "2024-03-05"

            """, site.Read("CITATION.cff"));

        // Valid by the format's own schema, read as a YAML reader reads it: every scalar a string, as the schema's note asks.
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(site.Read("CITATION.cff")));
        using var json = JsonDocument.Parse(Json(yaml.Documents[0].RootNode)!.ToJsonString());
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "cff", "schema.json")));
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
        var withoutAuthors = JsonNode.Parse(json.RootElement.GetRawText())!.AsObject();
        withoutAuthors.Remove("authors");
        using var broken = JsonDocument.Parse(withoutAuthors.ToJsonString());
        Assert.False(schema.Evaluate(broken.RootElement).IsValid, "the schema must refuse a file without authors, or it checks nothing");
    }

    private static JsonNode? Json(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)p.Key).Value!, Json(p.Value)))),
        YamlDotNet.RepresentationModel.YamlSequenceNode list => new JsonArray([.. list.Children.Select(Json)]),
        _ => JsonValue.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)node).Value),
    };

    [Theory]
    [InlineData("date: 2024-03-05\nupdated: 2024-01-20\n", "content/pages/about.md(3,10): error BJ2008: updated 2024-01-20 is before date 2024-03-05")]
    [InlineData("date: 2024-03-05\nupdated: 2024-02-30\n", "content/pages/about.md(3,10): error BJ2003: date '2024-02-30' is not a valid date; use YYYY-MM-DD")]
    [InlineData("updated: March 2024\n", "content/pages/about.md(2,10): error BJ2003: date 'March 2024' is not a valid date; use YYYY-MM-DD")]
    public void A_wrong_updated_is_reported_where_it_is_written(string frontMatter, string expected)
    {
        var files = Site();
        files["content/pages/about.md"] = "---\n" + frontMatter + "title: About\n---\nText.\n";
        var (site, run) = Build(files);
        using var _ = site;

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_people_get_no_citation_anywhere_and_published_people_each_get_theirs()
    {
        using var register = new RegisterFixture();
        var run = register.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Empty(RegisterFixture.Leaks(register.Output, RegisterFixture.Secrets));
        var cited = Directory.GetFiles(register.Output, "cite.ris", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(register.Output, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Where(p => p.Contains("people/", StringComparison.Ordinal) || p == "people")
            .Order(StringComparer.Ordinal).ToList();
        // Each published person's page, in each language it has; no list, and no one hidden.
        Assert.NotEmpty(cited);
        Assert.All(cited, p => Assert.True(register.Exists(p + "/index.html") && new HtmlParser().ParseDocument(register.Read(p + "/index.html")).QuerySelector("article.person section.cite") is not null, p));
        Assert.DoesNotContain(cited, p => p.EndsWith("/people", StringComparison.Ordinal) || p == "people");
    }
}
