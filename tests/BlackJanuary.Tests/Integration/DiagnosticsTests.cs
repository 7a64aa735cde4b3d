using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Every diagnostic an editor can meet, triggered by a bad fixture: the exit code, the message
/// with file(line,col), and the previous site left exactly as it was.
/// </summary>
public class DiagnosticsTests
{
    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        {
            "malformed YAML",
            "content/timeline.yaml",
            "- date: 1990-01-20\n  title: [unclosed\n- date: 1991\n",
            "content/timeline.yaml(2,10): error BJ1004: YAML syntax error: the YAML cannot be read after this point; look for an unclosed '[', '{' or quote"
        },
        {
            "badly indented YAML",
            "content/timeline.yaml",
            "- date: 1990\n  title: x\n bad: indent\n",
            "content/timeline.yaml(3,2): error BJ1004: YAML syntax error: while parsing a block collection, did not find expected '-' indicator;"
        },
        {
            "malformed front matter",
            "content/pages/about.md",
            "---\ntitle: About\nsummary: \"unclosed\n---\nText\n",
            "content/pages/about.md(3,"
        },
        {
            "missing required field",
            "content/pages/about.md",
            "---\nsummary: no title here\n---\nText.\n",
            "content/pages/about.md(2,1): error BJ2001: the front matter has no 'title'; add 'title: …'"
        },
        {
            "invalid date",
            "content/timeline.yaml",
            "- date: 1990-01-20\n  title: Fine\n- date: 1990-13-20\n  title: Bad month\n",
            "content/timeline.yaml(3,9): error BJ2003: date '1990-13-20' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD"
        },
        {
            "invalid page date",
            "content/pages/about.md",
            "---\ntitle: About\ndate: 1990-01\n---\n",
            "content/pages/about.md(3,7): error BJ2003: date '1990-01' is not a valid date; use YYYY-MM-DD"
        },
        {
            "duplicate slug",
            "content/pages/about-us.md",
            "---\ntitle: About us\nslug: welcome\n---\n",
            "content/pages/welcome.md: error BJ2004: this page and about-us.md both want the URL /welcome/;"
        },
        {
            "duplicate slug, reported at the slug",
            "content/pages/zz-welcome.md",
            "---\ntitle: Welcome again\nslug: welcome\n---\n",
            "content/pages/zz-welcome.md(3,7): error BJ2004: this page and welcome.md both want the URL /welcome/;"
        },
        {
            "duplicate event id",
            "content/timeline.yaml",
            "- date: 1990-01-20\n  title: Same\n- date: 1990-01-20\n  title: Same\n",
            "content/timeline.yaml(3,3): error BJ2005: event id '1990-01-20-same' is already used by the event on line 1;"
        },
        {
            "unknown layout",
            "content/pages/about.md",
            "---\ntitle: About\nlayout: pgae\n---\n",
            "content/pages/about.md(3,9): error BJ4002: unknown layout 'pgae'; did you mean 'page'?"
        },
        {
            "template syntax error",
            "templates/layouts/page.html",
            "<h1>{{ page.title }}</h1>\n{{ if page.summary }}never closed\n",
            "templates/layouts/page.html(2,"
        },
        {
            "template runtime error",
            "templates/layouts/page.html",
            "<h1>{{ page.titel }}</h1>\n",
            "templates/layouts/page.html(1,"
        },
        {
            "unsafe slug",
            "content/pages/about.md",
            "---\ntitle: About\nslug: ../../etc\n---\n",
            "content/pages/about.md(3,7): error BJ2007: slug '../../etc' must be lower-case letters, digits and single hyphens, like 'etc'"
        },
        {
            "span that ends before it starts",
            "content/timeline.yaml",
            "- date: 1990\n  end_date: 1987\n  title: Backwards\n",
            "content/timeline.yaml(2,13): error BJ2008: end_date 1987 does not end after date 1990;"
        },
        {
            "span that ends inside its own start",
            "content/timeline.yaml",
            "- date: 1990\n  end_date: 1990-06\n  title: Inside\n",
            "content/timeline.yaml(2,13): error BJ2008: end_date 1990-06 does not end after date 1990;"
        },
        {
            "javascript link",
            "content/pages/about.md",
            "---\ntitle: About\n---\nClick [here](javascript:alert(1)) or [there](JaVa\tScript:x).\n",
            "content/pages/about.md(4,7): error BJ3002: link 'javascript:alert(1)' would run code in the reader's browser;"
        },
        {
            "no home page",
            "content/pages/index.md",
            "---\ntitle: Home\ndraft: true\n---\n",
            "content/pages/index.md: error BJ1007: the site has no home page; create pages/index.md (or make it not a draft)"
        },
        {
            "date in another script's digits",
            "content/timeline.yaml",
            "- date: \u0661\u0669\u0669\u0660\n  title: Arabic-Indic digits\n",
            "content/timeline.yaml(1,9): error BJ2003: date '\u0661\u0669\u0669\u0660' is not a valid date;"
        },
        {
            "Markdown nested too deeply",
            "content/pages/about.md",
            "---\ntitle: About\n---\n" + new string('>', 200) + " deep\n",
            "content/pages/about.md(4,1): error BJ3004: the Markdown cannot be read:"
        },
        {
            "more link definitions than can be read quickly",
            "content/pages/about.md",
            "---\ntitle: About\n---\n" + string.Concat(Enumerable.Range(0, 1_001).Select(i => $"[{i}]: https://example.org/{i}\n")),
            "content/pages/about.md(4,1): error BJ3004: the Markdown defines 1001 link references ('[name]: address'), more than the 1000 that can be read quickly;"
        },
        {
            "lists nested far past what can be shown",
            "content/pages/about.md",
            "---\ntitle: About\n---\n" + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- level\n")),
            "content/pages/about.md(4,1): error BJ3004: line 130 of the Markdown is indented more than 256 columns, further than any nesting the page can show;"
        },
        {
            "tabs that reach past what can be shown (a tab goes to the next multiple of 4 columns)",
            "content/pages/about.md",
            "---\ntitle: About\n---\n" + new string('\t', 64) + "256 columns\n" + new string('\t', 64) + " 257 columns\n",
            "content/pages/about.md(4,1): error BJ3004: line 2 of the Markdown is indented more than 256 columns,"
        },
        {
            "control character pasted into a page",
            "content/pages/about.md",
            "---\ntitle: About\n---\nLine one\nLine\u000Btwo\n",
            "content/pages/about.md(5,5): error BJ1008: the file contains the invisible control character U+000B"
        },
        {
            "control character made by a YAML escape",
            "content/site.yaml",
            "title: \"Fictional\\x01\"\nbase_url: https://memorial.example.org/\n",
            "content/site.yaml(1,8): error BJ1008: 'title' contains the control character U+0001"
        },
        {
            "javascript autolink",
            "content/pages/about.md",
            "---\ntitle: About\n---\nSee <javascript:alert(1)>.\n",
            "content/pages/about.md(4,5): error BJ3002: link 'javascript:alert(1)' would run code"
        },
        {
            "image from another site in Markdown",
            "content/pages/about.md",
            "---\ntitle: About\n---\n![A pixel](https://tracker.example.org/p.gif)\n",
            "content/pages/about.md(4,1): error BJ3005: image 'https://tracker.example.org/p.gif' is on another site;"
        },
        {
            "event image from another site",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n  image: https://tracker.example.org/p.jpg\n",
            "content/timeline.yaml(3,10): error BJ3005: image 'https://tracker.example.org/p.jpg' is on another site;"
        },
        {
            "template that asks for the time",
            "templates/layouts/page.html",
            "{{ date.now }}",
            "templates/layouts/page.html(1,"
        },
        {
            "template that asks for a random number in a range",
            "templates/layouts/page.html",
            "{{ math.random 1 10 }}",
            "templates/layouts/page.html(1,4): error BJ4003: template error: math.random is not available: the same content must always build the same site"
        },
        {
            "empty required value",
            "content/pages/about.md",
            "---\ntitle:\n---\n",
            "content/pages/about.md(2,7): error BJ2001: 'title' of the front matter is empty; give it a value"
        },
        {
            "list where a text belongs",
            "content/pages/about.md",
            "---\ntitle: [About, Us]\n---\n",
            "content/pages/about.md(2,8): error BJ2002: 'title' of the front matter must be text, not a list"
        },
        {
            "unclosed front matter",
            "content/pages/about.md",
            "---\ntitle: About\n\nText.\n",
            "content/pages/about.md(1,1): error BJ1006:"
        },
        {
            "missing site.yaml title",
            "content/site.yaml",
            "base_url: https://memorial.example.org/\n",
            "content/site.yaml(1,1): error BJ2001: site.yaml has no 'title'"
        },
        {
            "relative base_url",
            "content/site.yaml",
            "title: T\nbase_url: memorial.example.org\n",
            "content/site.yaml(2,11): error BJ2008: base_url 'memorial.example.org' is not an absolute http(s) URL;"
        },
        {
            "source that is not a web address",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n  sources:\n    - title: A book\n      url: javascript:alert(1)\n",
            "content/timeline.yaml(5,12): error BJ2008: source url 'javascript:alert(1)' must be an absolute http(s) address"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void An_error_stops_build_and_check_says_where_and_leaves_the_previous_site(string what, string file, string text, string expected)
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/welcome.md"] = "---\ntitle: Welcome\n---\nHello.\n",
        });
        var first = site.Build();
        Assert.True(first.ExitCode == 0, first.Stderr);
        var before = Snapshot(site.Output);

        site.Write(file, text);
        var run = site.Build();

        Assert.True(run.ExitCode == 1, $"{what}: exit {run.ExitCode}\n{run.Stderr}");
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal); // no stack trace
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".*staging*"));

        // check finds the same problem, and writes nothing either.
        var check = site.Run("check", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates"));
        Assert.True(check.ExitCode == 1, $"{what}: check exit {check.ExitCode}\n{check.Stderr}");
        Assert.Contains(expected, check.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site.Output));
    }

    [Fact]
    public void Unknown_front_matter_key_is_a_warning_with_a_suggestion_and_fails_only_under_strict()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\nsumary: Typo here\n---\n",
        });
        var run = site.Build();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("content/pages/about.md(3,1): warning BJ2006: unknown key 'sumary' in the front matter is ignored; did you mean 'summary'?", run.Stderr, StringComparison.Ordinal);

        var strict = site.Build("--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("1 warning(s) with --strict", strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_internal_links_and_anchors_fail_the_build_at_the_link()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\n---\n# About\n\nSee [the missing page](missing.md),\nthe [home](index.md) and [a bad anchor](index.md#nowhere) and [gone](/gone/).\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/about.md(6,5): error BJ3001: broken link 'missing.md': there is no page missing.md (or it is a draft)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/pages/about.md(7,26): error BJ3001: broken link 'index.md#nowhere': / has no anchor #nowhere", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/pages/about.md(7,63): error BJ3001: broken link '/gone/': nothing in the site is published at /gone/", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, run.Stderr.Split("BJ3001").Length - 1);
        Assert.False(Directory.Exists(site.Output), "a build with a broken link must not write the site");
    }

    [Fact]
    public void Symbolic_links_in_content_are_refused()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var secret = Path.Combine(site.Root, "outside-secret.txt");
        File.WriteAllText(secret, "not for the site");
        File.CreateSymbolicLink(Path.Combine(site.Root, "content", "timeline.yaml"), secret);
        Directory.CreateDirectory(Path.Combine(site.Root, "content", "media"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "content", "media", "leak.txt"), secret);
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/timeline.yaml: error BJ2009: the file is a symbolic link;", run.Stderr, StringComparison.Ordinal);
        Assert.False(site.Exists("media/leak.txt"));
    }

    [Fact]
    public void A_heading_that_takes_an_id_the_theme_uses_is_a_warning()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["templates/layouts/page.html"] = "<div id=\"main\">{{ page.content }}</div>",
            ["content/pages/about.md"] = "---\ntitle: About\n---\n# Main\n\nText.\n",
        });
        var run = site.Build();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("content/pages/about.md: warning BJ3003: the page has two elements with id 'main'", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("BJ3003", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_link_to_a_page_the_site_lacks_fails_the_build_at_the_template_line()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["templates/layouts/home.html"] = "<h1>{{ page.title }}</h1>\n<a href=\"{{ url \"sources/\" }}\">Sources</a>\n{{ p = find_page \"sources/\" }}{{ if p }}<a href=\"{{ p.url }}\">{{ p.title }}</a>{{ end }}",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("templates/layouts/home.html(2,13): error BJ3001: broken link: the template links to /sources/, which the site does not publish;", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("BJ3001", StringComparison.Ordinal));

        site.Write("content/pages/sources.md", "---\ntitle: Our sources\n---\n");
        var fixedRun = site.Build();
        Assert.DoesNotContain("BJ3001", fixedRun.Stderr, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/sub/sources/\">Our sources</a>", site.Read("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeline_no_page_shows_is_a_warning()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/timeline.yaml"] = "- date: 1901\n  title: Invented\n",
        });
        var run = site.Build();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("content/timeline.yaml: warning BJ2010: timeline.yaml has 1 event(s) but no page shows them; add pages/timeline.md with 'layout: timeline'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void One_build_reports_every_field_of_a_page_even_when_the_title_is_missing()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\nsummary: [a, b]\nnav_title: [c]\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("about.md(2,1): error BJ2001: the front matter has no 'title'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("about.md(2,10): error BJ2002: 'summary' of the front matter must be text, not a list", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("about.md(3,12): error BJ2002: 'nav_title' of the front matter must be text, not a list", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_content_folder_is_refused_and_nothing_of_it_published()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var elsewhere = Path.Combine(site.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "secret.txt"), "not for the site");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "content", "media"), elsewhere);
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media: error BJ2009: the folder is a symbolic link;", run.Stderr, StringComparison.Ordinal);
        Assert.False(site.Exists("media/secret.txt"));
    }

    [Fact]
    public void The_root_of_the_file_system_is_never_an_output_folder()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        using var stderr = new StringWriter();
        var code = Cli.App.Run(["build", "--content", Path.Combine(site.Root, "content"), "--templates", Path.Combine(site.Root, "templates"), "--output", "/"], TextWriter.Null, stderr);
        Assert.Equal(1, code);
        Assert.Contains("error BJ5001: the output folder cannot be the root of a file system", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_inputs_for_one_output_path_are_an_error_naming_both_and_nothing_is_written()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = "title: Fictional Memorial\nbase_url: https://memorial.example.org/\nmedia:\n  allow_active_files: true\n",
            ["content/pages/media.md"] = "---\ntitle: Media\n---\nA page at /media/.\n",
            ["content/media/index.html"] = "<p>A file at the same address.</p>\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/index.html: error BJ5001: this file and content/pages/media.md would both be written to media/index.html; rename or move one of them", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void All_problems_are_reported_in_one_build_not_just_the_first()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/a.md"] = "---\nsummary: x\n---\n",
            ["content/pages/b.md"] = "---\ntitle: B\ndate: someday\n---\n",
            ["content/timeline.yaml"] = "- date: 1990-02-30\n  title: X\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a.md(2,1): error BJ2001", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("b.md(3,7): error BJ2003", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("timeline.yaml(1,9): error BJ2003", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_content_is_a_clear_error()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.WriteBytes("content/pages/bad.md", [.. "---\ntitle: Bad\n---\nBak"u8, 0xC3, 0x28, .. "\n"u8]);
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/bad.md(4,4): error BJ1002: the file is not valid UTF-8", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_content_folder_is_an_error_not_a_crash()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withContent: false);
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ1007: content folder not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_not_made_by_the_generator_is_never_replaced()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.Write("_site/precious.txt", "someone's file");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ5001: the output folder exists, is not empty and was not made by blackjanuary", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("someone's file", File.ReadAllText(Path.Combine(site.Output, "precious.txt")));
    }

    [Theory]
    [InlineData(new[] { "publish" }, "unknown command 'publish'")]
    [InlineData(new[] { "build", "--output" }, "--output needs a value")]
    [InlineData(new[] { "build", "--fast" }, "unknown option '--fast'")]
    [InlineData(new[] { "serve", "--base-url", "https://example.org/" }, "--base-url does not apply to serve, which uses its own address")]
    [InlineData(new[] { "check", "--output", "out" }, "--output applies to build and archive only; check writes no files")]
    [InlineData(new[] { "build", "--port", "8080" }, "--port applies to serve only")]
    [InlineData(new[] { "build", "--external" }, "--external applies to check only")]
    [InlineData(new[] { "serve", "--port", "70000" }, "--port needs a number from 0 to 65535")]
    public void Usage_errors_exit_with_2(string[] args, string message)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, Cli.App.Run(args, stdout, stderr));
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_and_version_exit_with_0()
    {
        using var stdout = new StringWriter();
        Assert.Equal(0, Cli.App.Run(["--help"], stdout, TextWriter.Null));
        Assert.Contains("--base-url URL", stdout.ToString(), StringComparison.Ordinal);
        using var version = new StringWriter();
        Assert.Equal(0, Cli.App.Run(["--version"], version, TextWriter.Null));
        Assert.Matches(@"^blackjanuary \d+\.\d+\.\d+", version.ToString());
    }

    internal static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);
}
