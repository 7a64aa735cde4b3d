using System.Diagnostics;
using System.Globalization;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// kill -9 at any moment of a build: the output folder holds the whole old site or the whole new
/// one, never a mix and never nothing, and the next build cleans up after the killed one.
/// </summary>
public class InterruptedBuildTests
{
    private const int Pages = 2000;
    private const int Kills = 25;

    [Fact]
    public async Task A_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one()
    {
        // Elsewhere the swap is two renames, with a moment between them without an output folder.
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the one-step swap (renameat2) is Linux's");
        var log = TestContext.Current.TestOutputHelper!;
        using var site = new KillSite();
        string[] contents = [site.WriteContent("a", "The old memorial"), site.WriteContent("b", "The new memorial")];
        var output = site.Output;

        // The two known sites. The second build replaces the first, as every killed build does, and is timed.
        var first = await BuildAsync(site, contents[0]);
        Assert.Equal(0, first.ExitCode);
        var snapshots = new IReadOnlyList<string>[2];
        snapshots[0] = TreeSnapshot.Of(output);
        var timed = await BuildAsync(site, contents[1]);
        Assert.Equal(0, timed.ExitCode);
        snapshots[1] = TreeSnapshot.Of(output);
        Assert.NotEqual(snapshots[0], snapshots[1]);
        Assert.True(snapshots[1].Count > Pages, $"the new site has {snapshots[1].Count} files and folders");
        var duration = timed.Elapsed;
        var writing = timed.WritingAt ?? throw new InvalidOperationException("the build did not say when it started writing");
        log.WriteLine($"a full build takes {duration.TotalMilliseconds:F0} ms and starts writing at {writing.TotalMilliseconds:F0} ms");

        // Every other kill falls anywhere in the build. The rest fall in the writing and the swap,
        // where it matters most, timed from the moment the build says it starts writing: the time
        // before that varies by more than the whole of this short window from one run to the next.
        var window = duration - writing;
        var current = 1;
        var outcomes = new List<string>();
        for (var i = 0; i < Kills; i++)
        {
            var fromWriting = i % 2 == 1;
            var delay = fromWriting
                ? window * ((i / 2 + 0.5) / (Kills / 2))
                : duration * ((i / 2 + 0.5) / ((Kills + 1) / 2));
            var next = 1 - current;
            var run = await BuildAsync(site, contents[next], killAfter: delay, fromWriting);
            var now = TreeSnapshot.Of(output);
            var which = now.SequenceEqual(snapshots[current]) ? "old" : now.SequenceEqual(snapshots[next]) ? "new" : null;
            var when = string.Create(CultureInfo.InvariantCulture, $"{(fromWriting ? "writing + " : "")}{delay.TotalMilliseconds:F0} ms");
            Assert.True(which is not null,
                $"after a kill at {when} the output is neither site: {now.Count} entries, "
                + $"{now.Except(snapshots[current]).Count()} not in the old site, {now.Except(snapshots[next]).Count()} not in the new one");
            outcomes.Add($"{when}: {which}{(run.Killed ? "" : " (had finished)")}");
            current = which == "new" ? next : current;
        }

        log.WriteLine($"{Kills} kills, {outcomes.Count(o => o.EndsWith(": old", StringComparison.Ordinal))} left the old site: " + string.Join(", ", outcomes));

        // A build that runs to its end succeeds, and nothing the killed builds left stays beside the output.
        var last = await BuildAsync(site, contents[1 - current]);
        Assert.Equal(0, last.ExitCode);
        Assert.Equal(snapshots[1 - current], TreeSnapshot.Of(output));
        Assert.Empty(Directory.GetDirectories(site.Root, "._site.staging-*"));
    }

    /// <summary>
    /// Builds as a child process, and kills it with SIGKILL after <paramref name="killAfter"/>
    /// (counted from its start, or from its "Writing" line) unless it ended first.
    /// </summary>
    private static async Task<BuildRun> BuildAsync(KillSite site, string content, TimeSpan? killAfter = null, bool fromWriting = false)
    {
        string[] args = ["build", "--content", content, "--templates", Path.Combine(site.Root, "templates"), "--output", site.Output, "--verbose"];
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(CliProcess.StartInfo(args, site.Root))!;
        var writing = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(" ms  Writing ", StringComparison.Ordinal) == true)
            {
                writing.TrySetResult(clock.Elapsed);
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var killed = false;
        if (killAfter is { } delay)
        {
            var start = fromWriting ? await Task.WhenAny(writing.Task, process.WaitForExitAsync(TestContext.Current.CancellationToken).ContinueWith(_ => clock.Elapsed, TaskScheduler.Default)).Unwrap() : TimeSpan.Zero;
            var left = start + delay - clock.Elapsed;
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, TestContext.Current.CancellationToken);
            }

            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL on Linux: no handler, no finally block runs in the build
                killed = true;
            }
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await stdout;
        return new BuildRun(process.ExitCode, clock.Elapsed, writing.Task.IsCompleted ? writing.Task.Result : null, killed);
    }

    private sealed record BuildRun(int ExitCode, TimeSpan Elapsed, TimeSpan? WritingAt, bool Killed);

    /// <summary>
    /// Two content folders of <see cref="Pages"/> pages and a theme, in memory (tmpfs) where the
    /// system has it: there 2,000 pages build in about 2 s instead of 5 to 20 s on a busy virtual
    /// disk, so 25 kills fit in a minute. What is tested does not change with the file system:
    /// renames and their atomicity are the kernel's, and tmpfs swaps folders as ext4 does.
    /// </summary>
    private sealed class KillSite : IDisposable
    {
        public string Root { get; } = Directory.CreateDirectory(Path.Combine(
            Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "bj-kill-" + Guid.NewGuid().ToString("N"))).FullName;

        public KillSite()
        {
            foreach (var (path, text) in FixtureSite.MinimalTheme)
            {
                Write(path, text);
            }
        }

        public string Output => Path.Combine(Root, "_site");

        /// <summary>A content folder under <paramref name="name"/>; the site's title is on every page, so every page differs.</summary>
        public string WriteContent(string name, string title)
        {
            Write($"{name}/content/site.yaml", $"title: {title}\nbase_url: https://memorial.example.org/\n");
            Write($"{name}/content/pages/index.md", "---\ntitle: Home\n---\nThe home page.\n");
            Write($"{name}/content/media/{name}.txt", title);
            for (var i = 1; i < Pages; i++)
            {
                Write($"{name}/content/pages/p{i:D4}.md",
                    $"---\ntitle: Page {i}\n---\n# Page {i}\n\nA paragraph of *page {i}*, long enough to be a page.\n\n- one\n- two\n");
            }

            return Path.Combine(Root, name, "content");
        }

        private void Write(string path, string text)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
