using BlackJanuary.Templates;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>'blackjanuary new person' run as an editor would, then the site built from the record it wrote.</summary>
public class NewCommandPersonTests
{
    /// <summary>The minimal theme has no register layouts; these show the name and what the record publishes.</summary>
    private static readonly Dictionary<string, string> WithRegisterLayouts = new()
    {
        ["templates/layouts/person.html"] = "<h1>{{ page.title }}</h1>{{ for s in page.person.sources }}<cite>{{ s.title }}</cite>{{ end }}",
        ["templates/layouts/people.html"] = "<h1>{{ page.title }}</h1>",
    };

    private const string Failed = "new person failed: 1 error(s); nothing was written. Fix the problems above and run it again.\n";

    [Fact]
    public void A_new_person_is_a_valid_record_kept_out_of_the_site_until_publish_false_is_removed()
    {
        using var site = new FixtureSite(WithRegisterLayouts);
        var run = site.Run("new", "person", "test-person-one", "--name", "Test Person One", "--born", "1960", "--died", "1990-01-20",
            "--place", "Testabad", "--source", "Test register of names", "--source-url", "https://example.org/register", "--content", site.Content);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        Assert.StartsWith("Created content/people/test-person-one.md, kept out of the site ('publish: false') until it is checked.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("then delete the line 'publish: false' to publish it", run.Stdout, StringComparison.Ordinal);
        var file = Path.Combine(site.Content, "people/test-person-one.md");
        Assert.Equal(
            "---\nname: Test Person One\nborn: 1960\ndied: 1990-01-20\nplace: Testabad\n" +
            "sources:\n  - title: Test register of names\n    url: \"https://example.org/register\"\n" +
            "publish: false  # delete this line once the family and the sources confirm the record\n---\n\n",
            File.ReadAllText(file));

        var build = site.Build("--strict");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        Assert.False(site.Exists("people/test-person-one/index.html"));

        File.WriteAllLines(file, File.ReadAllLines(file).Where(l => !l.StartsWith("publish:", StringComparison.Ordinal)));
        build = site.Build("--strict");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        Assert.Contains("<h1>Test Person One</h1><cite>Test register of names</cite>", site.Read("people/test-person-one/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_source_the_loaders_warning_is_printed_as_a_reminder_and_the_record_still_builds()
    {
        using var site = new FixtureSite(WithRegisterLayouts);
        var run = site.Run("new", "person", "test-person-two", "--name", "Тестовый Человек Два", "--content", site.Content);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(
            "content/people/test-person-two.md(1,1): warning BJ3014: the person's record has no source; add 'sources' (in people.csv the columns 'source' and 'source_url') saying where the facts come from\n",
            run.Stderr);
        Assert.Contains("Next: add its 'sources' (the site shows nothing it cannot attribute), write the biography", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            "---\nname: Тестовый Человек Два\nsources:\n" +
            "#  - title: the source's title as it was published (a register, a newspaper, a book)\n#    url: https://…\n" +
            "publish: false  # delete this line once the family and the sources confirm the record\n---\n\n",
            File.ReadAllText(Path.Combine(site.Content, "people/test-person-two.md")));

        // Unpublished records are checked too, so the build gives the same reminder, and nothing else.
        var build = site.Build();
        Assert.True(build.ExitCode == 0, build.Stderr);
        Assert.Contains("warning BJ3014: the person's record has no source", build.Stderr, StringComparison.Ordinal);
        Assert.False(site.Exists("people/test-person-two/index.html"));
    }

    [Fact]
    public void Names_places_and_sources_with_yaml_special_characters_reach_the_built_page_unchanged()
    {
        string[] texts =
        [
            "Test: Person One", "#1 Test Person", "- Test Person", "\"Quoted\" and 'single'", "null", "yes", "Test Şəxs Bir",
            "Тестовый Человек", "[Test] {x} *a &b !c %d @e `f` | > ?", "C:\\test\\person", "ends with a colon:", "a tab\there", "'", "1990-01-20",
        ];
        using var site = new FixtureSite(WithRegisterLayouts);
        for (var i = 0; i < texts.Length; i++)
        {
            var run = site.Run("new", "person", $"test-person-{i}", "--name", texts[i], "--place", texts[i], "--source", texts[i], "--content", site.Content);
            Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0, texts[i] + ": " + run.Stderr);
            var file = Path.Combine(site.Content, $"people/test-person-{i}.md");
            File.WriteAllLines(file, File.ReadAllLines(file).Where(l => !l.StartsWith("publish:", StringComparison.Ordinal)));
        }

        var build = site.Build("--strict");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Contains($"<h1>{Html.Escape(texts[i])}</h1><cite>{Html.Escape(texts[i])}</cite>", site.Read($"people/test-person-{i}/index.html"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Test Person", "content/people: error BJ2007: the person's id 'Test Person' is their address (/people/<id>/) and must be lower-case letters, digits and single hyphens, like 'test-person'")]
    [InlineData("../escaped", "content/people: error BJ2007: the person's id '../escaped' is their address")]
    [InlineData("test-person.ru", "content/people: error BJ2007: the person's id 'test-person.ru' is their address")]
    [InlineData("page", "content/people/page.md: error BJ2007: the id 'page' is taken by the register's own pages (/people/page/…); give the person another id")]
    [InlineData("places", "content/people/places.md: error BJ2007: the id 'places' is taken")]
    [InlineData("died", "content/people/died.md: error BJ2007: the id 'died' is taken")]
    public void An_id_that_cannot_be_the_persons_address_is_refused(string id, string message)
    {
        using var site = new FixtureSite(WithRegisterLayouts);
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run("new", "person", id, "--name", "Test Person One", "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(message, run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith(Failed, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData("--born", "1960-13", "error BJ2003: born '1960-13' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("--died", "20.01.1990", "error BJ2003: died '20.01.1990' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("--died", "1959-12", "error BJ2003: died 1959-12 is before born 1960; check both dates against the source")]
    [InlineData("--source-url", "javascript:alert(1)", "error BJ2008: source url 'javascript:alert(1)' must be an absolute http(s) address")]
    [InlineData("--name", " ", "error BJ2001: 'name' is empty; give it a value")]
    public void A_bad_date_or_value_is_refused_with_the_message_a_build_gives(string option, string value, string message)
    {
        using var site = new FixtureSite(WithRegisterLayouts);
        var before = DiagnosticsTests.Snapshot(site.Root);
        string[] born = option == "--born" ? [] : ["--born", "1960"];
        string[] source = option == "--source-url" ? ["--source", "Test register"] : [];
        var run = site.Run(["new", "person", "test-person-one", "--name", "Test Person One", .. born, .. source, option, value, "--content", site.Content]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"content/people/test-person-one.md: {message}", run.Stderr.Split('\n')[0].Split(" such as")[0]);
        Assert.EndsWith(Failed, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData("content/people/test-person-one.md", "---\nname: Mine\n---\nKeep me.\n",
        "content/people/test-person-one.md: error BJ6001: the person 'test-person-one' already has a record and new never overwrites a file; edit it, or choose another id")]
    [InlineData("content/people.csv", "id,name\ntest-person-two,Mine\ntest-person-one,Mine too\n",
        "content/people/test-person-one.md: error BJ6001: the id 'test-person-one' is already the person at people.csv line 3; edit that record, or choose another id")]
    public void An_id_already_in_the_register_is_refused_and_left_as_it_was(string existing, string text, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(WithRegisterLayouts) { [existing] = text });
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run("new", "person", "test-person-one", "--name", "Theirs", "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message + "\n" + Failed, run.Stderr);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Fact]
    public void A_translation_written_before_its_record_joins_the_new_record()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(WithRegisterLayouts) { ["content/people/test-person-one.ru.md"] = "Вымышленный человек для тестов.\n" });
        var build = site.Build();
        Assert.Contains("there is no people/test-person-one.md", build.Stderr, StringComparison.Ordinal);

        var run = site.Run("new", "person", "test-person-one", "--name", "Test Person One", "--source", "Test register", "--content", site.Content);
        Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0, run.Stderr);
        build = site.Build("--strict");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
    }

    [Theory]
    [InlineData(new[] { "new", "person" }, "new person needs an id")]
    [InlineData(new[] { "new", "person", "--name", "Test Person One" }, "new person needs an id")]
    [InlineData(new[] { "new", "person", "test", "person", "--name", "Test" }, "new person takes one id; 'person' is one too many")]
    [InlineData(new[] { "new", "person", "test-person-one" }, "new person needs --name")]
    [InlineData(new[] { "new", "person", "test-person-one", "--name", "Test", "--title", "T" }, "unknown option '--title' for 'new person'")]
    [InlineData(new[] { "new", "person", "test-person-one", "--name" }, "--name needs a value")]
    [InlineData(new[] { "new", "human" }, "cannot create 'human'; use 'new page <path>', 'new event --date … --title …' or 'new person <id> --name …'")]
    public void Usage_errors_exit_with_2(string[] args, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false, withContent: false);
        var run = site.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"blackjanuary: {message}", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\nRun 'blackjanuary new --help' for usage.\n", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_source_url_without_a_source_title_is_refused()
    {
        using var site = new FixtureSite(WithRegisterLayouts);
        var run = site.Run("new", "person", "test-person-one", "--name", "Test", "--source-url", "https://example.org/register", "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("content/people/test-person-one.md: error BJ2001: source url 'https://example.org/register' has no source title; give the title as it was published with --source", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Content, "people")));
    }

    [Fact]
    public void Help_shows_the_person_form()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false, withContent: false);
        var run = site.Run("new", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("blackjanuary new person <id> --name TEXT [--born DATE] [--died DATE] [--place TEXT]", run.Stdout, StringComparison.Ordinal);
    }
}
