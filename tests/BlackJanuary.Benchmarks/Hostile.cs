using System.Diagnostics;
using System.Globalization;
using System.Text;
using BlackJanuary;

/// <summary>
/// Hostile and broken inputs, each built once into a fresh site with the default theme: how long
/// the build takes to end (in a diagnostic, or in a site) and how much it allocates. The tests
/// prove each case ends in the right way; this reports how fast, since a unit test never asserts
/// a time. Run: dotnet run -c Release --project tests/BlackJanuary.Benchmarks -- hostile
/// </summary>
internal static class Hostile
{
    private static readonly (string Name, string File, Func<string> Text)[] Cases =
    [
        ("YAML alias bomb (40 levels)", "content/timeline.yaml", () =>
            "a: &a [x, x]\n" + string.Concat(Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"b{i}: &b{i} [*{(i == 0 ? "a" : "b" + (i - 1))}, *{(i == 0 ? "a" : "b" + (i - 1))}]\n")))),
        ("YAML nested 10,000 deep", "content/timeline.yaml", () => new string('[', 10_000) + new string(']', 10_000)),
        ("file of 5 MiB", "content/pages/big.md", () => "---\ntitle: Big\n---\n" + new string('a', 5 << 20)),
        ("one line of 3.9 MiB", "content/pages/long.md", () => "---\ntitle: Long\n---\n" + string.Concat(Enumerable.Repeat("word ", 800_000))),
        ("quotes nested 100,000 deep", "content/pages/quotes.md", () => "---\ntitle: Q\n---\n" + new string('>', 100_000) + " deep\n"),
        ("lists nested 1,000 deep", "content/pages/lists.md", () => "---\ntitle: L\n---\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i * 2) + "- x\n"))),
        ("emphasis 200,000 openers", "content/pages/emph.md", () => "---\ntitle: E\n---\n" + string.Concat(Enumerable.Repeat("*a **a ", 100_000)) + "\n"),
        ("brackets 200,000 open", "content/pages/brackets.md", () => "---\ntitle: B\n---\n" + new string('[', 200_000) + "x" + new string(']', 10) + "\n"),
        ("50,000 link definitions", "content/pages/defs.md", () => "---\ntitle: D\n---\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{i}]: https://example.org/{i}\n"))) + "[1] [2]\n"),
        ("table of 5,000 columns", "content/pages/table.md", () => "---\ntitle: T\n---\n" + string.Concat(Enumerable.Repeat("|a", 5_000)) + "|\n" + string.Concat(Enumerable.Repeat("|-", 5_000)) + "|\n" + string.Concat(Enumerable.Repeat("|1", 5_000)) + "|\n"),
        ("template loop for ever", "content/templates/layouts/page.html", () => "{{ while true }}x{{ end }}"),
        ("template recursion for ever", "content/templates/layouts/page.html", () => "{{ func f; f; end; f }}"),
        ("invalid UTF-8 at the end of 3 MiB", "content/pages/bad.md", () => "---\ntitle: Bad\n---\n" + new string('a', 3 << 20) + "\uFFFF"),
    ];

    public static void Run(string memorialContent, string templates, string scratch)
    {
        // The memorial as it is, once, so that no row pays for compiling the generator.
        var warmUp = Path.Combine(scratch, "bj-hostile-" + Guid.NewGuid().ToString("N"));
        new SiteBuilder(new BuildOptions(memorialContent, templates, warmUp), BuildMode.Disk).Build();
        Directory.Delete(warmUp, recursive: true);
        Console.WriteLine($"{"input",-36} {"ms",7} {"MiB allocated",14}  outcome");
        foreach (var (name, file, text) in Cases)
        {
            var root = Path.Combine(scratch, "bj-hostile-" + Guid.NewGuid().ToString("N"));
            try
            {
                CopyFolder(memorialContent, Path.Combine(root, "content"));
                var path = Path.Combine(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var written = text();
                // The last case needs a byte that is not UTF-8 at all; U+FFFF stands for it here.
                var bytes = Encoding.UTF8.GetBytes(written.Replace("\uFFFF", "", StringComparison.Ordinal));
                File.WriteAllBytes(path, written.EndsWith('\uFFFF') ? [.. bytes, 0xFF] : bytes);
                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var result = new SiteBuilder(new BuildOptions(Path.Combine(root, "content"), templates, Path.Combine(root, "_site")), BuildMode.Disk).Build();
                clock.Stop();
                var mib = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
                var first = result.Diagnostics.FirstOrDefault(d => d.Severity == BlackJanuary.Diagnostics.Severity.Error);
                var outcome = result.Succeeded ? $"built ({result.Diagnostics.Count} warning(s))" : $"{first?.Code}: {Shorten(first?.Message ?? "")}";
                Console.WriteLine($"{name,-36} {clock.ElapsedMilliseconds,7} {mib,14:F0}  {outcome}");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static string Shorten(string message) => message.Length > 70 ? message[..70] + "…" : message;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
