using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BlackJanuary.Incremental;

namespace BlackJanuary.Benchmarks;

/// <summary>
/// Where a one-page rebuild's time goes, stage by stage, inside one process: the session the dev
/// server keeps, told by a watcher's changes which page was saved, as serve tells it. What is not
/// here (the quiet wait, the watcher, the comparison of outputs, the request) is in 'serve'.
/// </summary>
internal static class RebuildStages
{
    private const int Warmup = 10;

    public static void Run(string content, string templates, int edits) =>
        Run(content, templates, edits, Path.GetFullPath(Path.Combine(content, "pages", "stories", "story-7.md")), (text, i) => text + $"\nEdit {i.ToString(CultureInfo.InvariantCulture)}.\n");

    /// <summary>
    /// A one-person rebuild of a register made by 'people N DIR': the biography of a person in
    /// people/ (a file of its own), or of one row in the middle of people.csv (the whole file is
    /// read again, as a save of it makes serve do).
    /// </summary>
    public static void RunPerson(string content, string templates, int edits, bool inCsv)
    {
        if (inCsv)
        {
            var csv = Path.GetFullPath(Path.Combine(content, "people.csv"));
            var lines = File.ReadAllText(csv).Split('\n');
            var row = lines.Length / 2;
            Run(content, templates, edits, csv, (text, i) =>
            {
                var edited = (string[])lines.Clone();
                edited[row] = edited[row].TrimEnd('\r').TrimEnd('"') + $" Edit {i.ToString(CultureInfo.InvariantCulture)}.\"";
                return string.Join('\n', edited);
            });
            return;
        }

        var file = Path.GetFullPath(Path.Combine(content, "people", "test-edited-person.md"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "---\nname: Test Edited Person\ndied: 1990-01-20\nplace: Testville\nsources:\n  - title: Test register\n---\nA fictional person.\n");
        try
        {
            Run(content, templates, edits, file, (text, i) => text + $"\nEdit {i.ToString(CultureInfo.InvariantCulture)}.\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Run(string content, string templates, int edits, string page, Func<string, int, string> edit)
    {
        var original = File.ReadAllText(page);
        var clock = new Stopwatch();
        var marks = new List<(string Stage, TimeSpan At)>();
        var builder = new SiteBuilder(new BuildOptions(content, templates, Path.Combine(content, "..", "_unused")))
        {
            Progress = new Marks(marks, clock),
        };
        builder.Build();
        var byStage = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var totals = new List<double>();
        try
        {
            for (var i = 0; i < Warmup + edits; i++)
            {
                File.WriteAllText(page, edit(original, i));
                marks.Clear();
                clock.Restart();
                builder.Build(new FileChanges(new HashSet<string> { page }, new HashSet<string>()));
                var end = clock.Elapsed;
                if (i < Warmup)
                {
                    continue;
                }

                totals.Add(end.TotalMilliseconds);
                for (var m = 0; m < marks.Count; m++)
                {
                    // A stage's name without its counts, which change with the site.
                    var stage = Regex.Replace(marks[m].Stage, @"[\d,]+ ", "");
                    var until = m + 1 < marks.Count ? marks[m + 1].At : end;
                    (byStage.TryGetValue(stage, out var list) ? list : byStage[stage] = []).Add((until - marks[m].At).TotalMilliseconds);
                }
            }
        }
        finally
        {
            File.WriteAllText(page, original);
        }

        Console.WriteLine($"rebuild after an edit of {Path.GetFileName(page)}, median of {edits} edits after {Warmup}:");
        foreach (var (stage, times) in byStage)
        {
            Console.WriteLine($"  {Median(times),7:F1} ms  {stage}");
        }

        Console.WriteLine($"  {Median(totals),7:F1} ms  in all");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class Marks(List<(string Stage, TimeSpan At)> marks, Stopwatch clock) : IProgress<string>
    {
        public void Report(string value) => marks.Add((value, clock.Elapsed));
    }
}
