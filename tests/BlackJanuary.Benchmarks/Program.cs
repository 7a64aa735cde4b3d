using System.Diagnostics;
using System.Globalization;
using BlackJanuary;
using BlackJanuary.Benchmarks;

// Timed whole builds (load → Markdown → templates → write) of the real memorial and of synthetic
// sites of 1,000 and 10,000 pages with the default theme. Run in Release:
//   dotnet run -c Release --project tests/BlackJanuary.Benchmarks [-- PAGES...]
// Reports the median of several runs after one warm-up, which compiles the code (fully
// optimised: tiered compilation is off in this program, see its .csproj).
// BJ_BENCH_DIR sets where sites are generated and written (default: the system temp folder); a
// tmpfs such as /dev/shm separates the generator's own time from the disk's.
//
// With 'serve' first (dotnet run -c Release --project tests/BlackJanuary.Benchmarks -- serve [PAGES...])
// it measures the dev server instead: a real 'blackjanuary serve' process, one page edited on disk
// again and again, and the time from the save to the reload event and to the new HTML being served.
// With 'hostile' it times hostile and broken inputs (Hostile.cs).
// With 'generate N DIR' it writes the synthetic site of N pages in the source form of BlackJanuary,
// Hugo, Jekyll and Eleventy (SyntheticSite.cs); 'compare' times those four (Compare.cs, run by
// tests/bench/compare.sh); 'stages' runs the BenchmarkDotNet benchmarks of the stages (Stages.cs);
// 'rebuild [PAGES]' times a one-page rebuild in a session, stage by stage (RebuildStages.cs).
// 'people N DIR' writes a register of N fictional people in three languages (issue 20) as
// DIR/blackjanuary/content (people.csv; SyntheticRegister.cs), then converts that CSV into the
// Hugo site DIR/hugo (RegisterToHugo.cs, timed); 'people-to-hugo CONTENT DIR' only converts.
// tests/bench/people.sh builds both and times them.
var root = FindRoot();
var scratch = Environment.GetEnvironmentVariable("BJ_BENCH_DIR") is { Length: > 0 } d ? d : Path.GetTempPath();
var templates = Path.Combine(root, "templates");
switch (args.FirstOrDefault())
{
    case "hostile":
        Hostile.Run(Path.Combine(root, "content"), templates, scratch);
        return 0;
    case "serve":
        var serveSizes = args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000];
        await ServeLatency.RunAsync(Path.Combine(root, "content"), templates, serveSizes, size => Synthetic(size, scratch));
        return 0;
    case "generate" when args.Length == 3:
        new SyntheticSite(int.Parse(args[1], CultureInfo.InvariantCulture)).Write(args[2], root);
        return 0;
    case "generate":
        Console.Error.WriteLine("usage: generate PAGES DIR");
        return 2;
    case "people" when args.Length == 3:
        var register = new SyntheticRegister(int.Parse(args[1], CultureInfo.InvariantCulture));
        var generated = Stopwatch.StartNew();
        register.WriteBlackJanuary(Path.Combine(args[2], "blackjanuary"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator: {register.People} people in {Path.Combine(args[2], "blackjanuary", "content")} in {generated.Elapsed.TotalSeconds:F2} s"));
        RegisterToHugo.ConvertTimed(Path.Combine(args[2], "blackjanuary", "content"), Path.Combine(args[2], "hugo"), root);
        return 0;
    case "people-to-hugo" when args.Length == 3:
        RegisterToHugo.ConvertTimed(args[1], args[2], root);
        return 0;
    case "people" or "people-to-hugo":
        Console.Error.WriteLine("usage: people N DIR | people-to-hugo CONTENT DIR");
        return 2;
    case "compare":
        return Compare.Run(args[1..], root);
    case "stages":
        Stages.Run(args[1..], root);
        return 0;
    case "rebuild-person" when args.Length >= 2:
        // A register made by 'people N DIR': DIR/blackjanuary/content.
        RebuildStages.RunPerson(Path.Combine(args[1], "blackjanuary", "content"), templates, edits: 15, inCsv: args.Length > 2 && args[2] == "csv");
        return 0;
    case "rebuild":
        var rebuildPages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var rebuildSite = Synthetic(rebuildPages, scratch);
        try
        {
            RebuildStages.Run(rebuildSite, templates, edits: 30);
        }
        finally
        {
            Directory.Delete(rebuildSite, recursive: true);
        }

        return 0;
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

return 0;

void Measure(string name, string content, int runs)
{
    var output = Path.Combine(scratch, "bj-bench-out-" + Guid.NewGuid().ToString("N"));
    var options = new BuildOptions(ContentDir: content, TemplatesDir: templates, OutputDir: output);
    var times = new List<double>();
    var pages = 0;
    for (var i = 0; i <= runs; i++)
    {
        var clock = Stopwatch.StartNew();
        var result = new SiteBuilder(options, BuildMode.Disk).Build();
        clock.Stop();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        pages = result.Pages;
        if (i > 0)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    Directory.Delete(output, recursive: true);
    times.Sort();
    Console.WriteLine($"{name,-22} {pages,7} {times[times.Count / 2],10:F0} {times[0],8:F0} {runs,5}");
}

// The BlackJanuary form of the synthetic site: PAGES stories besides the home and timeline pages.
static string Synthetic(int pages, string scratch)
{
    var dir = Path.Combine(scratch, "bj-bench-" + Guid.NewGuid().ToString("N"));
    new SyntheticSite(pages).WriteBlackJanuary(dir);
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
