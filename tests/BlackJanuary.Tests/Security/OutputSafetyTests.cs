using BlackJanuary.Diagnostics;
using BlackJanuary.Output;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// The build replaces its whole output folder, so it must refuse every folder whose replacement
/// would delete something else, never write outside it, and mend what a killed build left.
/// </summary>
public class OutputSafetyTests
{
    private const string DeadPid = "2147483646";

    [Fact]
    public void Output_dot_is_refused_and_nothing_is_deleted_even_with_a_marker()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.Write(OutputWriter.Marker, "as if an earlier build had made this folder");
        var before = TreeSnapshot.Of(site.Root);

        var run = CliProcess.Run(["build", "--output", "."], site.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($".: error BJ5001: the output folder is the current folder ({site.Root}); every build replaces its whole output folder, so give it a folder of its own, such as _site", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(site.Root));
    }

    [Fact]
    public void Output_home_and_a_folder_that_holds_home_are_refused_and_nothing_is_deleted()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["users/editor/.bashrc"] = "export EDITOR=nano\n",
            ["users/editor/letters/1990.txt"] = "a letter\n",
            ["users/editor/" + OutputWriter.Marker] = "as if an earlier build had made this folder",
        });
        var home = Path.Combine(site.Root, "users", "editor");
        var before = TreeSnapshot.Of(home);
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        string[] inputs = ["--content", site.Content, "--templates", Path.Combine(site.Root, "templates")];

        // The shell turns '~' into the home folder before the program sees it.
        var tilde = CliProcess.Run(["build", .. inputs, "--output", home], site.Root, environment);
        var above = CliProcess.Run(["build", .. inputs, "--output", Path.Combine(site.Root, "users")], site.Root, environment);

        Assert.Equal(1, tilde.ExitCode);
        Assert.Contains($"error BJ5001: the output folder is your home folder ({home}); every build replaces its whole output folder", tilde.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, above.ExitCode);
        Assert.Contains($"error BJ5001: the output folder contains your home folder ({home}), which replacing it would delete", above.Stderr, StringComparison.Ordinal);
        // Only what was there counts: the .NET host may add files of its own to a home folder.
        Assert.Empty(before.Except(TreeSnapshot.Of(home)));
    }

    [Theory]
    [InlineData("content", "content", "the output folder is the content folder (content); every build replaces its whole output folder")]
    [InlineData("templates", "templates", "the output folder is the theme folder (templates); every build replaces its whole output folder")]
    [InlineData("content/_site", "content/_site", "the output folder is inside the content folder (content), where the built site would become part of what the build reads")]
    [InlineData("content/media/out", "content/media/out", "the output folder is inside the content folder (content)")]
    [InlineData("templates/out", "templates/out", "the output folder is inside the theme folder (templates)")]
    public void An_output_folder_that_is_or_lies_inside_an_input_is_refused(string output, string shown, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/" + OutputWriter.Marker] = "as if an earlier build had made this folder",
            ["templates/" + OutputWriter.Marker] = "as if an earlier build had made this folder",
        });
        var before = TreeSnapshot.Of(site.Root);

        var run = BuildRelative(site, "content", "templates", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{shown}: error BJ5001: {message}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(site.Root));
    }

    [Theory]
    [InlineData("out/content", "templates", "the content folder (out/content)")]
    [InlineData("content", "out/templates", "the theme folder (out/templates)")]
    public void An_output_folder_that_holds_an_input_is_refused_even_with_the_marker_of_an_earlier_build(string content, string templates, string shown)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false, withContent: false);
        foreach (var (path, text) in FixtureSite.MinimalContent)
        {
            site.Write(content + path["content".Length..], text);
        }

        foreach (var (path, text) in FixtureSite.MinimalTheme)
        {
            site.Write(templates + path["templates".Length..], text);
        }

        site.Write("out/" + OutputWriter.Marker, "made by an earlier build");
        site.Write("out/index.html", "an earlier build's page");
        var before = TreeSnapshot.Of(site.Root);

        var run = BuildRelative(site, content, templates, "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"out: error BJ5001: the output folder contains {shown}, which replacing it would delete; give the build a folder of its own, such as _site", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(site.Root));
    }

    [Fact]
    public void A_symbolic_link_cannot_hide_that_the_output_is_an_input_or_be_the_output_itself()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["real/" + OutputWriter.Marker] = "made by an earlier build",
        });
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "alias"), Path.Combine(site.Root, "content"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "_site"), Path.Combine(site.Root, "real"));
        var before = TreeSnapshot.Of(site.Root);

        var inside = BuildRelative(site, "content", "templates", "alias/_site");
        var link = BuildRelative(site, "content", "templates", "_site");

        Assert.Equal(1, inside.ExitCode);
        Assert.Contains("alias/_site: error BJ5001: the output folder is inside the content folder (content)", inside.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, link.ExitCode);
        Assert.Contains("_site: error BJ5001: the output folder is a symbolic link; the build would replace the link, not the folder it points to: give the real folder as --output", link.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(site.Root));
    }

    public static TheoryData<string> EscapingPaths => ["../escape.txt", "a/../../escape.txt", "a/b/../../../escape.txt", "", ".", "a//b.txt", @"C:\escape.txt", @"\\server\share\escape.txt", "a\0b.txt", "../_site/escape.txt"];

    [Theory]
    [MemberData(nameof(EscapingPaths))]
    public void The_writer_never_writes_outside_its_output_folder(string path)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var before = TreeSnapshot.Of(site.Root);
        var diagnostics = new DiagnosticBag();
        using (var writer = OutputWriter.Begin(site.Output, [], diagnostics)!)
        {
            writer.WriteText(path, "escaped");
            writer.Copy(path, Path.Combine(site.Content, "site.yaml"));
            Assert.Equal(0, writer.FilesWritten);
        }

        // Both refusals say the same at the same place, and identical diagnostics are listed once.
        Assert.Equal(DiagnosticCodes.UnsafePath, Assert.Single(diagnostics.Sorted()).Code);
        Assert.Equal(before, TreeSnapshot.Of(site.Root));
    }

    [Fact]
    public void The_writer_refuses_absolute_paths()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var outside = Path.Combine(site.Root, "escape.txt");
        var diagnostics = new DiagnosticBag();
        using (var writer = OutputWriter.Begin(site.Output, [], diagnostics)!)
        {
            writer.WriteText(outside, "escaped");
            writer.WriteText("/etc/escape.txt", "escaped");
            Assert.Equal(0, writer.FilesWritten);
        }

        Assert.Equal(2, diagnostics.Sorted().Count(d => d.Code == DiagnosticCodes.UnsafePath));
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public void The_next_build_removes_what_killed_builds_left_but_nothing_it_did_not_make()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        Assert.Equal(0, site.Build().ExitCode);
        var killedWhileWriting = Leftover(site, $"._site.staging-{DeadPid}-{new string('a', 32)}", withMarker: true);
        var killedAfterMovingAside = Leftover(site, $"._site.staging-{DeadPid}-{new string('b', 32)}.old", withMarker: true);
        var killedBeforeTheMarker = Leftover(site, $"._site.staging-{DeadPid}-{new string('c', 32)}", withMarker: false, empty: true);
        var running = Leftover(site, $"._site.staging-{Environment.ProcessId}-{new string('d', 32)}", withMarker: true);
        var notMade = Leftover(site, $"._site.staging-{DeadPid}-{new string('e', 32)}", withMarker: false);
        var lookalike = Leftover(site, $"._site.staging-{DeadPid}-notours", withMarker: true);
        var otherOutput = Leftover(site, $".public.staging-{DeadPid}-{new string('f', 32)}", withMarker: true);

        Assert.Equal(0, site.Build().ExitCode);

        Assert.False(Directory.Exists(killedWhileWriting));
        Assert.False(Directory.Exists(killedAfterMovingAside));
        Assert.False(Directory.Exists(killedBeforeTheMarker));
        Assert.True(Directory.Exists(running), "a build that still runs keeps its staging folder");
        Assert.True(File.Exists(Path.Combine(notMade, "keep.txt")), "a folder without the marker is not the build's to delete");
        Assert.True(Directory.Exists(lookalike));
        Assert.True(Directory.Exists(otherOutput));
    }

    [Fact]
    public void A_missing_output_is_restored_from_the_old_site_a_build_killed_between_two_renames_left()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        Assert.Equal(0, site.Build().ExitCode);
        var old = TreeSnapshot.Of(site.Output);
        // What the two-rename swap leaves when killed after its first rename.
        var movedAside = Path.Combine(site.Root, $"._site.staging-{DeadPid}-{new string('a', 32)}");
        Directory.Move(site.Output, movedAside + OutputFolder.OldSuffix);
        Leftover(site, Path.GetFileName(movedAside), withMarker: true);

        OutputFolder.Recover(site.Output);

        Assert.Equal(old, TreeSnapshot.Of(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, "._site.staging-*"));
    }

    [Fact]
    public void Exchange_swaps_two_folders_in_one_step_on_linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "renameat2(RENAME_EXCHANGE) is Linux's");
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["a/one.txt"] = "one",
            ["b/two.txt"] = "two",
        });

        Assert.True(OutputFolder.Exchange(Path.Combine(site.Root, "a"), Path.Combine(site.Root, "b")));

        Assert.Equal("one", File.ReadAllText(Path.Combine(site.Root, "b", "one.txt")));
        Assert.Equal("two", File.ReadAllText(Path.Combine(site.Root, "a", "two.txt")));
    }

    [Fact]
    public async Task Commit_never_leaves_a_moment_without_the_output_folder_on_linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "elsewhere the swap is two renames, with a moment between them");
        using var site = new FixtureSite(new Dictionary<string, string>());
        var marker = Path.Combine(site.Output, OutputWriter.Marker);
        Commit(site, 0);
        // A watcher looks for the output as fast as it can while sites are swapped in; two renames
        // leave a gap of some microseconds, which it finds within a few swaps.
        var misses = 0;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                misses += File.Exists(marker) ? 0 : 1;
            }
        }, TaskCreationOptions.LongRunning);

        for (var i = 1; i <= 50; i++)
        {
            Commit(site, i);
        }

        stop.Cancel();
        await watcher;
        Assert.Equal(0, misses);
        Assert.Equal("site 50", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.Empty(Directory.GetDirectories(site.Root, "._site.staging-*"));

        static void Commit(FixtureSite site, int number)
        {
            var diagnostics = new DiagnosticBag();
            using var writer = OutputWriter.Begin(site.Output, [], diagnostics)!;
            writer.WriteText("index.html", $"site {number}");
            writer.Commit();
            Assert.False(diagnostics.Any);
        }
    }

    /// <summary>Builds with relative paths from the fixture's folder, as an editor types them there.</summary>
    private static CliRun BuildRelative(FixtureSite site, string content, string templates, string output) =>
        site.Run("build", "--content", Path.Combine(site.Root, content), "--templates", Path.Combine(site.Root, templates), "--output", Path.Combine(site.Root, output));

    private static string Leftover(FixtureSite site, string name, bool withMarker, bool empty = false)
    {
        var dir = Path.Combine(site.Root, name);
        Directory.CreateDirectory(dir);
        if (withMarker)
        {
            File.WriteAllText(Path.Combine(dir, OutputWriter.Marker), "");
        }

        if (!empty)
        {
            File.WriteAllText(Path.Combine(dir, "keep.txt"), "a file");
        }

        return dir;
    }
}
