using System.Diagnostics;
using System.Globalization;
using BlackJanuary;

// Timed whole builds (load → Markdown → templates → write) of the real memorial and of synthetic
// sites of 1,000 and 10,000 pages with the default theme. Run in Release:
//   dotnet run -c Release --project tests/BlackJanuary.Benchmarks [-- PAGES...]
// Reports the median of several runs after one warm-up, since the first build pays for JIT.
// BJ_BENCH_DIR sets where sites are generated and written (default: the system temp folder); a
// tmpfs such as /dev/shm separates the generator's own time from the disk's.
//
// With 'serve' first (dotnet run -c Release --project tests/BlackJanuary.Benchmarks -- serve [PAGES...])
// it measures the dev server instead: a real 'blackjanuary serve' process, one page edited on disk
// again and again, and the time from the save to the reload event and to the new HTML being served.
// With 'hostile' it times hostile and broken inputs (Hostile.cs).
var root = FindRoot();
var scratch = Environment.GetEnvironmentVariable("BJ_BENCH_DIR") is { Length: > 0 } d ? d : Path.GetTempPath();
var templates = Path.Combine(root, "templates");
if (args.FirstOrDefault() == "hostile")
{
    Hostile.Run(Path.Combine(root, "content"), templates, scratch);
    return;
}

if (args.FirstOrDefault() == "serve")
{
    var serveSizes = args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000];
    await ServeLatency.RunAsync(Path.Combine(root, "content"), templates, serveSizes, size => Synthetic(size, scratch));
    return;
}

var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000];
Console.WriteLine($"{"site",-22} {"pages",7} {"median ms",10} {"min ms",8} {"runs",5}");
Measure("memorial (content/)", Path.Combine(root, "content"), runs: 9);
foreach (var size in sizes)
{
    var content = Synthetic(size, scratch);
    try
    {
        Measure($"synthetic {size:N0}", content, runs: size >= 10_000 ? 3 : 5);
    }
    finally
    {
        Directory.Delete(content, recursive: true);
    }
}

void Measure(string name, string content, int runs)
{
    var output = Path.Combine(scratch, "bj-bench-out-" + Guid.NewGuid().ToString("N"));
    var options = new BuildOptions(ContentDir: content, TemplatesDir: templates, OutputDir: output);
    var times = new List<double>();
    var pages = 0;
    for (var i = 0; i <= runs; i++)
    {
        var clock = Stopwatch.StartNew();
        var result = SiteBuilder.Build(options);
        clock.Stop();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        pages = result.PagesWritten;
        if (i > 0)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    Directory.Delete(output, recursive: true);
    times.Sort();
    Console.WriteLine($"{name,-22} {pages,7} {times[times.Count / 2],10:F0} {times[0],8:F0} {runs,5}");
}

// Pages of a realistic memorial shape: headings, a table, footnotes, links to other pages; one
// timeline event per ten pages.
static string Synthetic(int pages, string scratch)
{
    var dir = Path.Combine(scratch, "bj-bench-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(Path.Combine(dir, "pages", "stories"));
    File.WriteAllText(Path.Combine(dir, "site.yaml"), "title: Synthetic Memorial\nbase_url: https://bench.example.org/\n");
    File.WriteAllText(Path.Combine(dir, "pages", "index.md"), "---\ntitle: Home\nweight: 1\n---\nSynthetic home.\n");
    File.WriteAllText(Path.Combine(dir, "pages", "timeline.md"), "---\ntitle: Timeline\nlayout: timeline\nweight: 2\n---\nSynthetic events.\n");
    for (var i = 0; i < pages - 3; i++)
    {
        var next = (i + 1) % (pages - 3);
        File.WriteAllText(Path.Combine(dir, "pages", "stories", $"story-{i}.md"), string.Create(CultureInfo.InvariantCulture, $"""
            ---
            title: Invented story number {i}
            date: 2000-01-{i % 28 + 1:D2}
            summary: A generated page for measuring build speed, number {i}.
            ---
            ## Part one

            An invented paragraph with *emphasis*, "quotes" -- and a footnote.[^a] See [the next story](story-{next}.md).

            | Column | Value |
            |--------|------:|
            | one    | {i}   |

            ## Part two

            Another paragraph of invented text, long enough to be typical of an article page on a memorial site.

            [^a]: An invented source, page {i}.
            """));
    }

    using var timeline = new StreamWriter(Path.Combine(dir, "timeline.yaml"));
    for (var i = 0; i < pages / 10; i++)
    {
        timeline.Write(string.Create(CultureInfo.InvariantCulture, $"- date: {1900 + i % 100}-{i % 12 + 1:D2}-{i % 28 + 1:D2}\n  title: Invented event {i}\n  body: Something invented happened.\n  sources:\n    - title: Invented source {i}\n      url: https://source.example.org/{i}\n"));
    }

    return dir;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "BlackJanuary.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("BlackJanuary.sln not found");
}
