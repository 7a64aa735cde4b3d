using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BlackJanuary;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Markdown;
using BlackJanuary.Model;
using BlackJanuary.Output;
using BlackJanuary.Templates;

namespace BlackJanuary.Benchmarks;

/// <summary>
/// Runs <see cref="StageBenchmarks"/> in this process (no separate build of a benchmark project),
/// with a short job: a few iterations are enough to see a stage get faster or slower, not to rank
/// nanoseconds. Arguments go to BenchmarkDotNet (--filter '*Markdown*').
/// </summary>
internal static class Stages
{
    public static void Run(string[] args, string root)
    {
        StageBenchmarks.Root = root;
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkRunner.Run<StageBenchmarks>(config, args);
    }
}

/// <summary>
/// The hot stages of a build, each on one story page of the synthetic site, through the same
/// entry points SiteBuilder calls. The Markdown and template stages are given a whole site, as in
/// a build, in which only the story has anything to render: the other pages and the events stay
/// as link targets with empty bodies, so that the story's links resolve as they do in a real build.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private const int FilesPerWrite = 100;

    internal static string Root { get; set; } = "";

    private string _scratch = "";
    private string _content = "";
    private string _storyFile = "";
    private string _storyText = "";
    private Site _markdownSite = null!;
    private Site _templateSite = null!;
    private TemplateSet _templates = null!;
    private UiStrings _strings = null!;
    private AssetManifest _assets = null!;
    private string _html = "";

    [GlobalSetup]
    public void Setup()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "bj-stages-" + Guid.NewGuid().ToString("N"));
        _content = Path.Combine(_scratch, "content");
        new SyntheticSite(10).WriteBlackJanuary(_content);
        _storyFile = Path.Combine(_content, "pages", "stories", "story-0.md");
        _storyText = File.ReadAllText(_storyFile);

        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(_content, null, false, diagnostics)!;
        var story = site.Pages.Single(p => p.SourcePath == _storyFile);
        _markdownSite = site with
        {
            Pages = site.Pages.Select(p => p == story ? p : p with { Markdown = "" }).ToList(),
            Timelines = site.Timelines.ToDictionary(t => t.Key, t => (IReadOnlyList<TimelineEvent>)t.Value.Select(e => e with { BodyMarkdown = "" }).ToList()),
        };
        var rendered = MarkdownStage.Render(_markdownSite, diagnostics);
        _templateSite = rendered with { Pages = [rendered.Pages.Single(p => p.SourcePath == _storyFile)] };
        string[] theme = [Path.Combine(Root, "templates")];
        _templates = TemplateSet.Load(theme, diagnostics);
        _assets = AssetManifest.Build(theme, diagnostics);
        _strings = UiStrings.Load(theme, diagnostics);
        _html = TemplateStage.Render(_templateSite, _templates, _strings, _assets, Generator.Version, diagnostics).Single().Html;
        // A benchmark of input that raises diagnostics would time the reporting, not the stage.
        if (diagnostics.Any)
        {
            throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_scratch, recursive: true);

    [Benchmark]
    public FrontMatter? FrontMatterSplit() => FrontMatter.Split(_storyText, _storyFile, new DiagnosticBag());

    [Benchmark]
    public Site MarkdownOnePage() => MarkdownStage.Render(_markdownSite, new DiagnosticBag());

    [Benchmark]
    public IReadOnlyList<RenderedPage> TemplateOnePage() => TemplateStage.Render(_templateSite, _templates, _strings, _assets, Generator.Version, new DiagnosticBag());

    /// <summary>A site of 100 copies of the story page written and swapped in; reported per file.</summary>
    [Benchmark(OperationsPerInvoke = FilesPerWrite)]
    public int WriteFiles()
    {
        var diagnostics = new DiagnosticBag();
        using var writer = OutputWriter.Begin(Path.Combine(_scratch, "out"), [(_content, "the content folder")], diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        for (var i = 0; i < FilesPerWrite; i++)
        {
            writer.WriteText($"stories/story-{i}/index.html", _html);
        }

        writer.Commit();
        return writer.FilesWritten;
    }
}
