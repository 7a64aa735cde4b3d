using System.Text;
using BlackJanuary.Templates;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>'blackjanuary new page|event' run as an editor would, then the site built from what it wrote.</summary>
public class NewCommandTests
{
    private static readonly Dictionary<string, string> WithTimelinePage = new()
    {
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
    };

    [Fact]
    public void A_new_page_is_a_draft_that_builds_with_drafts_and_is_left_out_without()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var run = site.Run("new", "page", "history/black-january", "--content", site.Content);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        Assert.StartsWith("Created content/pages/history/black-january.md as a draft ('draft: true')", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("remove the line 'draft: true' to publish it", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(
            "^---\ntitle: Black January\ndate: [0-9]{4}-[0-9]{2}-[0-9]{2}\nsummary: \"\"\ndraft: true\n---\n\n$",
            File.ReadAllText(Path.Combine(site.Content, "pages/history/black-january.md")));

        var build = site.Build();
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        Assert.False(site.Exists("history/black-january/index.html"));

        build = site.Build("--drafts");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        Assert.Contains("<title>Black January | Fictional Memorial</title>", site.Read("history/black-january/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_with_yaml_special_characters_reach_the_built_page_unchanged()
    {
        string[] titles =
        [
            "Baku: 20 January 1990", "#1 in the list", "- a leading dash", "\"Quoted\" and 'single'", "null", "yes",
            "[1990] {x} *a &b !c %d @e `f` | > ?", "C:\\path\\to", "Şəhidlər Xiyabanı — the Alley", "ends with a colon:",
            "a tab\there", "'", "1990-01-20",
        ];
        using var site = new FixtureSite(new Dictionary<string, string>());
        for (var i = 0; i < titles.Length; i++)
        {
            var run = site.Run("new", "page", $"title-{i}", "--title", titles[i], "--content", site.Content);
            Assert.True(run.ExitCode == 0, titles[i] + ": " + run.Stderr);
        }

        var build = site.Build("--drafts");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        for (var i = 0; i < titles.Length; i++)
        {
            Assert.Contains($"<title>{Html.Escape(titles[i])} | Fictional Memorial</title>", site.Read($"title-{i}/index.html"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_existing_page_is_refused_and_left_as_it_was()
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["content/pages/about.md"] = "---\ntitle: Mine\n---\nKeep me.\n" });
        var before = DiagnosticsTests.Snapshot(site.Root);
        foreach (var path in new[] { "about", "about.md", "index" })
        {
            var run = site.Run("new", "page", path, "--title", "Theirs", "--content", site.Content);
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith(
                $"content/pages/{path.Replace(".md", "", StringComparison.Ordinal)}.md: error BJ6001: the page already exists and new never overwrites a file; edit it",
                run.Stderr, StringComparison.Ordinal);
            Assert.EndsWith("new page failed: 1 error(s); nothing was written. Fix the problems above and run it again.\n", run.Stderr, StringComparison.Ordinal);
            Assert.Equal("", run.Stdout);
        }

        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData("content/pages/about/index.md", "about", "/about/")]
    [InlineData("content/pages/history/1990.md", "history/1990/index", "/history/1990/")]
    [InlineData("content/pages/old-name.md", "new-name", "/new-name/")]
    public void A_page_whose_address_another_page_already_has_is_refused(string existing, string path, string url)
    {
        // The third page keeps its address through a slug, the others through their file name.
        var slug = existing.EndsWith("old-name.md", StringComparison.Ordinal) ? "slug: new-name\n" : "";
        using var site = new FixtureSite(new Dictionary<string, string> { [existing] = $"---\ntitle: Mine\n{slug}---\nKeep me.\n" });
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run("new", "page", path, "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error BJ6001: the address {url} is already the page {existing["content/".Length..]}; edit that page, or choose another path", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData("../escaped", "leaves the pages folder ('..')")]
    [InlineData("history/../../escaped.md", "leaves the pages folder ('..')")]
    [InlineData("{root}/escaped", "is absolute")]
    [InlineData("C:/escaped", "is absolute")]
    [InlineData("history\\escaped", "contains '\\'")]
    [InlineData("esc\0aped", "contains a NUL character")]
    [InlineData("Black January", "has the name 'Black January', which is not lower-case letters, digits and single hyphens (names become the page's URL); use 'black-january'")]
    [InlineData(".hidden/escaped", "has the name '.hidden'")]
    public void Paths_outside_the_pages_folder_or_not_made_of_slugs_are_refused(string path, string problem)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        path = path.Replace("{root}", site.Root, StringComparison.Ordinal);
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run("new", "page", path, "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        var shown = path.Replace(site.Root + "/", "", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
        Assert.StartsWith($"content/pages: error BJ6002: the page path '{shown}' {problem}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Fact]
    public void A_content_folder_without_pages_is_refused()
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["content/site.yaml"] = "title: T\nbase_url: https://example.org/\n" }, withContent: false);
        var run = site.Run("new", "page", "about", "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("content/pages: error BJ1007: pages folder not found; create the folder pages/", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Content, "pages")));
    }

    [Fact]
    public void An_event_added_to_a_commented_indented_timeline_keeps_every_byte_and_is_shown_in_date_order()
    {
        // Comments, blank lines, a list indented by two, keys indented by six in the last item, and no final newline.
        const string original = """
            # Testville's chronology.
            # Dates are only as precise as the sources.

              - date: 1901-05-06
                title: The bridge opens   # the old bridge

              -   date: 1900
                  title: The town is founded
                  body: |
                    A *fictional* town.
            """;
        using var site = new FixtureSite(new Dictionary<string, string>(WithTimelinePage) { ["content/timeline.yaml"] = original });
        var run = site.Run("new", "event", "--date", "1900-06", "--title", "Fair: the first #1", "--place", "Testville", "--content", site.Content);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Added the event to content/timeline.yaml; its anchor on the timeline page is #1900-06-fair-the-first-1.", run.Stdout, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(Path.Combine(site.Content, "timeline.yaml"));
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetBytes(original)), "the original bytes must stay a prefix");
        Assert.Equal(
            original + "\n\n  -   date: 1900-06\n      title: \"Fair: the first #1\"\n      place: Testville\n",
            Encoding.UTF8.GetString(bytes));

        var build = site.Build();
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        var timeline = site.Read("timeline/index.html");
        var founded = timeline.IndexOf("id=\"1900-the-town-is-founded\"", StringComparison.Ordinal);
        var fair = timeline.IndexOf("id=\"1900-06-fair-the-first-1\"", StringComparison.Ordinal);
        var bridge = timeline.IndexOf("id=\"1901-05-06-the-bridge-opens\"", StringComparison.Ordinal);
        Assert.True(founded >= 0 && founded < fair && fair < bridge, timeline);
        Assert.Contains("June 1900</time> Fair: the first #1", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_timeline_is_created_with_a_header_and_builds()
    {
        using var site = new FixtureSite(WithTimelinePage);
        var run = site.Run("new", "event", "--date", "1990-01-20", "--end-date", "1990-01-21", "--title", "Soviet troops enter Baku", "--id", "troops", "--content", site.Content);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Created content/timeline.yaml with the event; its anchor on the timeline page is #troops.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            "# The timeline: a list of events, each starting with '- date:' (YYYY, YYYY-MM or YYYY-MM-DD).\n" +
            "# The site shows them in date order, whatever their order in this file.\n\n" +
            "- date: 1990-01-20\n  end_date: 1990-01-21\n  title: Soviet troops enter Baku\n  id: troops\n",
            File.ReadAllText(Path.Combine(site.Content, "timeline.yaml")));

        var build = site.Build();
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stderr);
        Assert.Contains("<li id=\"troops\"><time datetime=\"1990-01-20\">20 January 1990</time> Soviet troops enter Baku", site.Read("timeline/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1990-13-20", "", "content/timeline.yaml: error BJ2003: date '1990-13-20' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("20.01.1990", "", "content/timeline.yaml: error BJ2003: date '20.01.1990' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("1990", "1990-06", "content/timeline.yaml: error BJ2008: end_date 1990-06 does not end after date 1990; an event's span must end after it starts")]
    [InlineData("1990", "1990-02-30", "content/timeline.yaml: error BJ2003: end_date '1990-02-30' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD")]
    public void A_bad_date_is_refused_with_the_message_a_build_gives(string date, string endDate, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(WithTimelinePage) { ["content/timeline.yaml"] = "- date: 1900\n  title: The town is founded\n" });
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run("new", "event", "--date", date, "--end-date", endDate, "--title", "Anything", "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message + "\nnew event failed: 1 error(s); nothing was written. Fix the problems above and run it again.\n", run.Stderr);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData(new[] { "--date", "1900", "--title", "The town is founded!" }, "(1,3): error BJ2005: event id '1900-the-town-is-founded' is already used by this event; give the new event its own 'id' or another title")]
    [InlineData(new[] { "--date", "1990", "--title", "Another", "--id", "bridge" }, "(4,3): error BJ2005: event id 'bridge' is already used by this event")]
    public void A_duplicate_id_is_refused_and_the_file_is_left_as_it_was(string[] args, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(WithTimelinePage)
        {
            ["content/timeline.yaml"] = "- date: 1900\n  title: The town is founded\n\n- date: 1901\n  title: The bridge opens\n  id: bridge\n",
        });
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run(["new", "event", .. args, "--content", site.Content]);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("content/timeline.yaml" + message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData("[]\n", "content/timeline.yaml(1,1): error BJ6003: timeline.yaml is written in the one-line '[…]' or '{…}' form", "delete the '[]' or '{}' (an empty file is an empty timeline)")]
    [InlineData("{}\n", "content/timeline.yaml(1,1): error BJ6003: timeline.yaml is written in the one-line '[…]' or '{…}' form", "then run the command again")]
    [InlineData("- date: 1900\n  title: A\n...\n", "content/timeline.yaml(3,1): error BJ6003: timeline.yaml ends its list of events with a '---' or '...' line", "remove that line")]
    [InlineData("- date: 1900\n  title: A\n---\n- date: 1901\n", "content/timeline.yaml(4,1): error BJ1013: a second YAML document starts here", "remove that line")]
    [InlineData("- date: 1990-13-01\n  title: A\n", "content/timeline.yaml(1,9): error BJ2003: date '1990-13-01' is not a valid date", "")]
    [InlineData("title: not a list\n", "content/timeline.yaml(1,1): error BJ2002: timeline.yaml must be a list of events", "")]
    public void A_timeline_the_event_cannot_be_appended_to_is_refused_and_left_as_it_was(string timeline, string start, string advice)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(WithTimelinePage) { ["content/timeline.yaml"] = timeline });
        var before = DiagnosticsTests.Snapshot(site.Root);
        var run = site.Run("new", "event", "--date", "1990", "--title", "New", "--content", site.Content);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(start, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(advice, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Root));
    }

    [Theory]
    [InlineData(new[] { "new" }, "new needs what to create")]
    [InlineData(new[] { "new", "--title", "About" }, "new needs what to create")]
    [InlineData(new[] { "new", "post" }, "cannot create 'post'")]
    [InlineData(new[] { "new", "page" }, "new page needs a path")]
    [InlineData(new[] { "new", "page", "a", "b" }, "new page takes one path; 'b' is one too many")]
    [InlineData(new[] { "new", "page", "a", "--date", "1990" }, "unknown option '--date' for 'new page'")]
    [InlineData(new[] { "new", "page", "a", "--title" }, "--title needs a value")]
    [InlineData(new[] { "new", "event", "--date", "1990" }, "new event needs --date and --title")]
    [InlineData(new[] { "new", "event", "--date", "1990", "--title", "Soviet", "troops" }, "new event takes only options; 'troops' is not one")]
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
    public void Help_shows_both_forms_and_the_main_help_names_new()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false, withContent: false);
        var run = site.Run("new", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("blackjanuary new page <path> [--title TEXT] [--content DIR]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("blackjanuary new event --date DATE --title TEXT", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("new               create a page or a person's record, or add an event to the timeline ('blackjanuary new --help')", site.Run("--help").Stdout, StringComparison.Ordinal);
    }
}
