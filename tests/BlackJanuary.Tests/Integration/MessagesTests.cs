using System.Diagnostics;
using BlackJanuary.Cli;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>What the program prints: colours only on a terminal and never with NO_COLOR, progress, --quiet and --verbose.</summary>
public class MessagesTests
{
    private const string Escape = "\u001b[";

    private static readonly Dictionary<string, string> BadPage = new()
    {
        ["content/pages/about.md"] = "---\ntitle: About\nweight: two\n---\nSee [nowhere](missing.md).\n",
    };

    private static (int Code, string Stdout, string Stderr) Run(FixtureSite site, Terminal terminal, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["build", "--content", Path.Combine(site.Root, "content"), "--templates", Path.Combine(site.Root, "templates"), "--output", site.Output, .. extra];
        var code = App.Run(args, stdout, stderr, terminal);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void On_a_colour_terminal_severities_and_summaries_are_coloured_and_otherwise_never()
    {
        using var site = new FixtureSite(BadPage);
        var coloured = Run(site, new Terminal(Interactive: true, Color: true));
        Assert.Contains($": {Escape}1;31merror{Escape}0m BJ2002: ", coloured.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{Escape}1;31mBuild failed: 1 error(s), 0 warning(s)", coloured.Stderr, StringComparison.Ordinal);

        var plain = Run(site, Terminal.None);
        Assert.DoesNotContain(Escape, plain.Stderr + plain.Stdout, StringComparison.Ordinal);
        Assert.Contains(": error BJ2002: ", plain.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_redrawn_in_place_on_a_terminal_cleared_before_other_output_and_absent_from_logs()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var terminal = Run(site, new Terminal(Interactive: true, Color: false));
        Assert.Equal(0, terminal.Code);
        Assert.Contains($"\r{Escape}KLoading content and templates…", terminal.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"\r{Escape}K", terminal.Stderr, StringComparison.Ordinal);

        var log = Run(site, Terminal.None);
        Assert.Equal("", log.Stderr);
        Assert.Matches(@"^Built 2 pages \(\d+ files\) into .+ in \d+ ms\.\n$", log.Stdout);
    }

    [Fact]
    public void Quiet_prints_only_problems_and_verbose_adds_each_stage_with_its_time()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var quiet = Run(site, Terminal.None, "--quiet");
        Assert.Equal((0, "", ""), quiet);

        var verbose = Run(site, Terminal.None, "-v");
        Assert.Matches(@"\s+\d+ ms  Loading content and templates\n\s+\d+ ms  Rendering the Markdown of 2 pages and 0 events\n", verbose.Stderr);
        Assert.Matches(@"\d+ ms  Writing \d+ files", verbose.Stderr);
        Assert.Contains("Built 2 pages", verbose.Stdout, StringComparison.Ordinal);

        using var bad = new FixtureSite(BadPage);
        var quietFailure = Run(bad, Terminal.None, "--quiet");
        Assert.Equal(1, quietFailure.Code);
        Assert.Contains("error BJ2002", quietFailure.Stderr, StringComparison.Ordinal);
        Assert.Contains("Fix the problems above and build again.", quietFailure.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The program's own decision, in a real pseudo-terminal (util-linux 'script'): colours when
    /// standard error is a terminal, none when NO_COLOR is set, as https://no-color.org asks.
    /// </summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("1", false)]
    public async Task In_a_real_terminal_colours_follow_NO_COLOR(string? noColor, bool expectColour)
    {
        using var site = new FixtureSite(BadPage);
        var cli = Path.Combine(AppContext.BaseDirectory, "BlackJanuary.Cli.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = $"'{dotnet}' '{cli}' build --content '{site.Root}/content' --templates '{site.Root}/templates' --output '{site.Output}'";
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment.Remove("NO_COLOR");
        if (noColor is not null)
        {
            start.Environment["NO_COLOR"] = noColor;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Contains("BJ2002", output, StringComparison.Ordinal);
        Assert.Equal(expectColour, output.Contains($"{Escape}1;31merror", StringComparison.Ordinal));
    }
}
