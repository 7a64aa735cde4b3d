using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BlackJanuary.Testing;

/// <summary>
/// Save-to-reload time of 'blackjanuary serve': what an editor waits for between saving a page
/// and seeing it in the browser. The serve process is the real one; the edit is a real file write.
/// </summary>
internal static partial class ServeLatency
{
    private const int Edits = 15;

    public static async Task RunAsync(string memorial, string templates, IEnumerable<int> sizes, Func<int, string> synthetic)
    {
        Console.WriteLine($"{"site",-22} {"pages",7} {"save→reload ms",15} {"save→HTML ms",13} {"rebuild ms",11} {"edits",6}");
        var memorialCopy = Copy(memorial);
        try
        {
            await MeasureAsync("memorial (content/)", memorialCopy, templates, "pages/about.en.md", "en/about/");
        }
        finally
        {
            Directory.Delete(memorialCopy, recursive: true);
        }

        foreach (var size in sizes)
        {
            var content = synthetic(size);
            try
            {
                await MeasureAsync($"synthetic {size:N0}", content, templates, "pages/stories/story-7.md", "stories/story-7/");
            }
            finally
            {
                Directory.Delete(content, recursive: true);
            }
        }
    }

    /// <param name="url">Where the edited page is served: the memorial's English pages are under en/.</param>
    private static async Task MeasureAsync(string name, string content, string templates, string page, string url)
    {
        await using var serve = await ServeProcess.StartAsync(content, templates);
        using var http = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(60) };
        await using var events = ServerEvents.Open(http, new Uri(serve.Address, "__blackjanuary/events"));
        await events.NextAsync("problems", TimeSpan.FromSeconds(60));
        var file = Path.Combine(content, page);
        var original = await File.ReadAllTextAsync(file);
        var (toReload, toHtml) = (new List<double>(), new List<double>());
        for (var i = 0; i < Edits; i++)
        {
            var marker = $"Edit number {i} for the benchmark.";
            var clock = Stopwatch.StartNew();
            await File.WriteAllTextAsync(file, original + "\n" + marker + "\n");
            await events.NextAsync("reload", TimeSpan.FromSeconds(60));
            toReload.Add(clock.Elapsed.TotalMilliseconds);
            var html = await http.GetStringAsync(url);
            toHtml.Add(clock.Elapsed.TotalMilliseconds);
            if (!html.Contains(marker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url} does not show the edit after the reload event");
            }

            // Editors do not save ten times a second; let the server settle as between real saves.
            await Task.Delay(300);
        }

        var rebuilds = RebuildLine().Matches(serve.Output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        var pages = PagesLine().Match(serve.Output).Groups[1].Value;
        Console.WriteLine($"{name,-22} {pages,7} {Median(toReload),15:F0} {Median(toHtml),13:F0} {(rebuilds.Count > 0 ? rebuilds[rebuilds.Count / 2] : double.NaN),11:F0} {Edits,6}");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    [GeneratedRegex(@"Rebuilt in (\d+) ms")]
    private static partial Regex RebuildLine();

    [GeneratedRegex(@"Built (\d+) pages")]
    private static partial Regex PagesLine();

    private static string Copy(string folder)
    {
        var copy = Path.Combine(Path.GetTempPath(), "bj-bench-memorial-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
