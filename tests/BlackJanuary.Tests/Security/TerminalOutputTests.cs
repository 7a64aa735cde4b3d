using System.Text.Json;
using BlackJanuary.Testing;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// Names and values from content reach the program's output only escaped: a file name cannot
/// start a line of its own (a CI command, a forged diagnostic), drive the terminal, or reorder
/// the text around it. Each runs the real program, as a CI job does.
/// </summary>
public class TerminalOutputTests
{
    private static readonly System.Buffers.SearchValues<char> Unprintable = System.Buffers.SearchValues.Create("\u001b\u202E\u2066\u2028\u0085\u0007");

    private static CliRun Build(FixtureSite site) => CliProcess.Run(["build", "--output", "_site"], site.Root);

    /// <summary>Every line the program printed is its own: a diagnostic, or its summary.</summary>
    private static void AssertOnlyOwnLines(CliRun run)
    {
        foreach (var line in (run.Stdout + run.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Matches(@"^(content/\S.*: (error|warning) BJ\d{4}: |Build failed: |Built |Checked |Translations:|  )", line);
        }

        Assert.Equal(-1, (run.Stdout + run.Stderr).AsSpan().IndexOfAny(Unprintable));
    }

    [Fact]
    public void A_newline_in_a_file_name_cannot_forge_a_diagnostic_line_or_a_CI_command()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/x\n::error file=content/pages/index.md::forged\nerror BJ0000: forged.md"] = "---\ntitle: Mill\nweight: two\n---\n",
        });

        var run = Build(site);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(@"content/pages/x\n::error file=content/pages/index.md::forged\nerror BJ0000: forged.md(3,9): error BJ2002: 'weight' must be a whole number", run.Stderr, StringComparison.Ordinal);
        AssertOnlyOwnLines(run);
    }

    [Fact]
    public void An_escape_sequence_or_a_bidi_override_in_a_file_name_reaches_the_terminal_escaped()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/clear\u001b[2J\u001b]0;owned\u0007-\u202Egpj.exe\u2066.md"] = "---\ntitle: Mill\nweight: two\n---\n",
        });

        var run = Build(site);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(@"content/pages/clear\x1B[2J\x1B]0;owned\x07-\u202Egpj.exe\u2066.md(3,9): error BJ2002: ", run.Stderr, StringComparison.Ordinal);
        AssertOnlyOwnLines(run);
    }

    [Fact]
    public void Keys_and_values_quoted_in_messages_are_escaped_as_file_names_are()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/mill.md"] = "---\ntitle: Mill\n\"sum\\Lmary\\N\": x\nweight: \"1\\u202E0\"\n---\n",
        });

        var run = Build(site);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(@"content/pages/mill.md(3,1): warning BJ2006: unknown key 'sum\u2028mary\x85' in the front matter is ignored", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(@"content/pages/mill.md(4,9): error BJ2002: 'weight' must be a whole number", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(@"not '1\u202E0'", run.Stderr, StringComparison.Ordinal);
        AssertOnlyOwnLines(run);
    }

    [Fact]
    public void Messages_that_are_not_diagnostics_are_escaped_too()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = """
                title: Fictional Memorial
                base_url: https://memorial.example.org/
                language: en
                languages:
                  en: {name: English, culture: en-GB}
                  de: {name: "Deutsch\n::error::forged\u202E", culture: de-DE}
                """,
            ["content/pages/index.de.md"] = "---\ntitle: Willkommen\n---\n",
            ["content/pages/about.md"] = "---\ntitle: About Testville\n---\n",
        });

        var run = CliProcess.Run(["check"], site.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(@"de (Deutsch\n::error::forged\u202E)", run.Stdout, StringComparison.Ordinal);
        AssertOnlyOwnLines(run);
    }

    [Fact]
    public async Task The_dev_server_overlay_shows_names_and_the_lines_of_the_file_escaped()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        await using var serve = await ServeProcess.StartAsync(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates"));
        using var http = new HttpClient { BaseAddress = serve.Address };
        await using var events = ServerEvents.Open(http, new Uri(serve.Address, "__blackjanuary/events"));
        await events.NextAsync("problems", TimeSpan.FromSeconds(20));

        site.Write("content/pages/x\n::error::forged\u202E.md", "---\ntitle: Mill\nweight: two \u202Eowt\n---\n");

        using var problems = JsonDocument.Parse(await events.NextAsync("problems", TimeSpan.FromSeconds(20)));
        var problem = Assert.Single(problems.RootElement.EnumerateArray());
        Assert.Contains(@"x\n::error::forged\u202E.md(3,9): error BJ2002: ", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
        var excerpt = problem.GetProperty("excerpt").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains(@"weight: two \u202Eowt", excerpt);
        Assert.DoesNotContain("\u202E", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n::error::", serve.Output, StringComparison.Ordinal);
    }
}
