using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BlackJanuary.Model;

/// <summary>
/// Clean builds of the synthetic site by BlackJanuary, Hugo, Jekyll and Eleventy, each run as a
/// process from start-up to exit under GNU time, as a user would run it. tests/bench/compare.sh
/// installs the peers and publishes BlackJanuary, then calls this:
///   compare --cli BlackJanuary.Cli [--eleventy node_modules/.bin/eleventy] [--runs 3] SIZES...
/// For each size the site is generated once; each generator then builds it once to warm the disk
/// cache, then RUNS times, each build into an empty folder of its own (see Measure for why none is
/// removed before the size is done). Every build is checked for the same pages, sitemap and feed,
/// so that no generator is timed for less work than the others.
/// </summary>
internal static partial class Compare
{
    private sealed record Generator(string Name, string Folder, Func<string, string, (string File, List<string> Args)> Command, string[] Version);

    /// <param name="Stopped">The build ran out of time (STOP_SECONDS) and was stopped: Seconds is a lower bound.</param>
    private sealed record Timing(double Seconds, double PeakMiB, bool Stopped);

    public static int Run(string[] args, string root)
    {
        string? cli = null, eleventy = null;
        var runs = 3;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cli":
                    cli = Path.GetFullPath(args[++i]);
                    break;
                case "--eleventy":
                    eleventy = Path.GetFullPath(args[++i]);
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
                    break;
            }
        }

        var names = Environment.GetEnvironmentVariable("GENERATORS") is { Length: > 0 } list ? list.Split(',') : null;
        if (cli is null || (eleventy is null && (names is null || names.Contains("eleventy"))) || sizes.Count == 0 || runs < 1)
        {
            Console.Error.WriteLine("usage: compare --cli PATH [--eleventy PATH] [--runs N] SIZES...   (GENERATORS=blackjanuary,hugo,... picks some; --eleventy is needed when Eleventy is one)");
            return 2;
        }

        eleventy ??= "eleventy"; // Only named, never run: Eleventy is not among the generators (checked above).
        Generator[] all =
        [
            new("BlackJanuary", "blackjanuary", (site, output) => (cli, ["build", "--content", site, "--templates", Path.Combine(root, "templates"), "--output", output, "--quiet"]), [cli, "--version"]),
            new("Hugo", "hugo", (site, output) => ("hugo", ["--source", site, "--destination", output, "--quiet"]), ["hugo", "version"]),
            // The disk cache would keep converted Markdown between builds: a clean build has none.
            new("Jekyll", "jekyll", (site, output) => ("jekyll", ["build", "--source", site, "--destination", output, "--quiet", "--disable-disk-cache"]), ["jekyll", "--version"]),
            // Eleventy reads its configuration and copies assets relative to the folder it runs in, the site's.
            new("Eleventy", "eleventy", (site, output) => (eleventy, ["--input=.", "--output=" + output, "--quiet"]), [eleventy, "--version"]),
        ];
        var chosen = names is null ? all : all.Where(g => names.Contains(g.Folder, StringComparer.Ordinal)).ToArray();

        PrintMachine(chosen);
        var scratch = Environment.GetEnvironmentVariable("BJ_BENCH_DIR") is { Length: > 0 } d ? d : Path.GetTempPath();
        var slowLimit = Environment.GetEnvironmentVariable("SLOW_SECONDS") is { Length: > 0 } slow ? double.Parse(slow, CultureInfo.InvariantCulture) : 300;
        // Jekyll would take hours at 50,000 pages: past this a build is stopped and shown as "more than".
        var stopLimit = Environment.GetEnvironmentVariable("STOP_SECONDS") is { Length: > 0 } stop ? double.Parse(stop, CultureInfo.InvariantCulture) : 1800;
        var table = new StringBuilder("| generator | pages | median s | pages/s | time ÷ BlackJanuary | peak MiB | runs |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var size in sizes)
        {
            var work = Path.Combine(scratch, "bj-compare-" + Guid.NewGuid().ToString("N"));
            try
            {
                var site = new SyntheticSite(size);
                Console.WriteLine($"Generating {size:N0} pages in {work}");
                site.Write(Path.Combine(work, "site"), root);
                var timings = Measure(chosen, site, work, runs, slowLimit, stopLimit);
                double? reference = null;
                foreach (var generator in chosen)
                {
                    var own = timings[generator];
                    var median = own.Select(t => t.Seconds).Order().ElementAt(own.Count / 2);
                    reference ??= generator.Folder == "blackjanuary" ? median : null;
                    // A stopped build is the generator's only one (Measure): its figures are bounds.
                    var (more, less, runsText) = own[0].Stopped ? ("> ", "< ", "1, stopped") : ("", "", own.Count.ToString(CultureInfo.InvariantCulture));
                    var ratio = reference is { } r ? more + (median / r).ToString("F2", CultureInfo.InvariantCulture) : "–";
                    var row = string.Create(CultureInfo.InvariantCulture,
                        $"| {generator.Name} | {site.IndexPages:N0} | {more}{median:F2} | {less}{site.IndexPages / median:N0} | {ratio} | {own.Max(t => t.PeakMiB):F0} | {runsText} |");
                    Console.WriteLine(row);
                    table.Append(row).Append('\n');
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Clean builds, median of {runs} after one warm-up (a build over {slowLimit:F0} s: its warm-up alone, timed; one over {stopLimit:F0} s: stopped); pages are the index.html pages (the stories, the home and the timeline page).");
        Console.Write(table);
        return 0;
    }

    /// <summary>
    /// A warm-up round and <paramref name="runs"/> timed rounds, each generator once per round, in
    /// an order that turns by one each round, so that none always runs after the same one. Each
    /// build writes into a folder of its own that has never existed, and every output of the size
    /// is kept until the end: on ext4 without a journal (as on the machine measured), deleting
    /// 20,000 files makes the kernel skip each freed inode for the next minute when it allocates
    /// new ones (recently_deleted in fs/ext4/ialloc.c), a cost of the deletion that would fall on
    /// whichever build came next. The disk is synced before each build, so that none pays for
    /// writing back another's files.
    /// </summary>
    /// <param name="slowLimit">A generator whose warm-up took longer is not built again: its warm-up is its one timing.</param>
    /// <param name="stopLimit">A build still running after this many seconds is stopped, and its generator not built again; 0: never.</param>
    private static Dictionary<Generator, List<Timing>> Measure(Generator[] generators, SyntheticSite site, string work, int runs, double slowLimit, double stopLimit)
    {
        var timings = generators.ToDictionary(g => g, _ => new List<Timing>());
        var slow = new HashSet<Generator>();
        for (var round = 0; round <= runs; round++)
        {
            foreach (var generator in generators.Skip(round % generators.Length).Concat(generators.Take(round % generators.Length)).Where(g => !slow.Contains(g)))
            {
                var source = Path.Combine(work, "site", generator.Folder);
                var output = Path.Combine(work, "out", $"{generator.Folder}-{round}");
                foreach (var cache in new[] { Path.Combine(source, ".jekyll-cache"), Path.Combine(source, "resources") }.Where(Directory.Exists))
                {
                    Directory.Delete(cache, recursive: true);
                }

                using (var sync = Process.Start("sync"))
                {
                    sync.WaitForExit();
                }

                var (file, args) = generator.Command(source, output);
                var timing = Timed(generator.Name, file, args, source, Path.Combine(work, "time.txt"), stopLimit);
                if (!timing.Stopped)
                {
                    Verify(generator.Name, site, output);
                }

                var alone = timing.Stopped || (round == 0 && timing.Seconds > slowLimit);
                if (round > 0 || alone)
                {
                    timings[generator].Add(timing);
                }

                if (alone)
                {
                    slow.Add(generator);
                }
            }
        }

        return timings;
    }

    private static Timing Timed(string name, string file, List<string> args, string folder, string report, double stopLimit)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        // timeout stops the build with SIGTERM, which lets the generator exit and time still count its peak
        // memory (SIGKILL would take timeout down with it); 124 is timeout's exit status when it did.
        string[] stopper = stopLimit > 0 ? ["timeout", "--kill-after=30", stopLimit.ToString(CultureInfo.InvariantCulture)] : [];
        foreach (var arg in new[] { "-v", "-o", report }.Concat(stopper).Append(file).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var stopped = stopLimit > 0 && process.ExitCode == 124;
        if (process.ExitCode != 0 && !stopped)
        {
            throw new InvalidOperationException($"{name} failed (exit {process.ExitCode}): {file} {string.Join(' ', args)}\n{stdout.Result}{stderr.Result}");
        }

        var text = File.ReadAllText(report);
        var wall = WallLine().Match(text).Groups[1].Value.Split(':').Aggregate(0.0, (total, part) => total * 60 + double.Parse(part, CultureInfo.InvariantCulture));
        var peak = double.Parse(PeakLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture) / 1024;
        return new Timing(wall, peak, stopped);
    }

    /// <summary>The same pages, the same sitemap entries and the same number of feed entries from every generator.</summary>
    private static void Verify(string name, SyntheticSite site, string output)
    {
        var pages = Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories).Count();
        var sitemap = File.Exists(Path.Combine(output, "sitemap.xml")) ? LocLine().Count(File.ReadAllText(Path.Combine(output, "sitemap.xml"))) : -1;
        var feed = File.Exists(Path.Combine(output, "feed.xml")) ? EntryTag().Count(File.ReadAllText(Path.Combine(output, "feed.xml"))) : -1;
        var missing = new[] { "404.html", "robots.txt", "timeline/index.html" }.Where(f => !File.Exists(Path.Combine(output, f))).ToList();
        var expectedFeed = Math.Min(site.Stories, 20);
        if (pages != site.IndexPages || sitemap != site.IndexPages || feed != expectedFeed || missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{name} did not build the whole site into {output}: {pages} index.html pages (expected {site.IndexPages}), " +
                $"{sitemap} sitemap entries (expected {site.IndexPages}), {feed} feed entries (expected {expectedFeed}), missing: {string.Join(", ", missing)}");
        }
    }

    private static void PrintMachine(IEnumerable<Generator> generators)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memoryKiB = double.Parse(MemTotal().Match(File.ReadAllText("/proc/meminfo")).Groups[1].Value, CultureInfo.InvariantCulture);
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {cpu}, {memoryKiB / (1 << 20):F1} GiB memory, {os}"));
        foreach (var generator in generators)
        {
            Console.WriteLine($"{generator.Name}: {Output(generator.Version[0], generator.Version[1..])}");
        }

        Console.WriteLine($"Runtimes: .NET {Environment.Version}, {Output("node", ["--version"])}, {Output("ruby", ["--version"])}");
    }

    private static string Output(string file, IEnumerable<string> args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Trim().Split('\n')[0];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")]
    private static partial Regex WallLine();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex PeakLine();

    [GeneratedRegex(@"MemTotal:\s+(\d+) kB")]
    private static partial Regex MemTotal();

    [GeneratedRegex(@"<loc>")]
    private static partial Regex LocLine();

    [GeneratedRegex(@"<entry[\s>]")]
    private static partial Regex EntryTag();
}
