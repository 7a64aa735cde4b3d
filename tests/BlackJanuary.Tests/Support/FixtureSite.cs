using BlackJanuary.Cli;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Markdown;
using BlackJanuary.Model;

namespace BlackJanuary.Tests.Support;

/// <summary>
/// A whole site written inline as path → text (Hugo's integration-test style), put on disk in a
/// temporary folder, and built through the real command line.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    /// <summary>A small theme with every layout the engine needs, so tests depend on no real theme.</summary>
    public static readonly IReadOnlyDictionary<string, string> MinimalTheme = new Dictionary<string, string>
    {
        ["templates/layouts/base.html"] = """
            <!DOCTYPE html>
            <html lang="{{ site.language }}"><head><title>{{ page.title }} | {{ site.title }}</title>
            <link rel="stylesheet" href="{{ asset "css/site.css" }}"></head>
            <body>{{ include "partials/nav.html" }}<main>{{ content }}</main></body></html>
            """,
        ["templates/partials/nav.html"] = """
            <nav>{{ for item in site.nav }}<a href="{{ item.url }}"{{ if item.current }} aria-current="page"{{ end }}>{{ item.title }}</a>{{ end }}</nav>
            """,
        ["templates/layouts/home.html"] = "<h1>{{ page.title }}</h1>{{ page.content }}",
        ["templates/layouts/page.html"] = "<h1>{{ page.title }}</h1>{{ page.content }}",
        ["templates/layouts/404.html"] = "<h1>{{ page.title }}</h1><a href=\"{{ url \"\" }}\">Home</a>",
        ["templates/layouts/timeline.html"] = """
            <h1>{{ page.title }}</h1>{{ page.content }}
            {{ for year in timeline.years }}<h2>{{ year.year }}</h2><ol>{{ for e in year.events }}<li id="{{ e.id }}"><time datetime="{{ e.date_iso }}">{{ e.date_text }}</time> {{ e.title }}{{ e.body }}</li>{{ end }}</ol>{{ end }}
            """,
        ["templates/assets/css/site.css"] = "body { margin: 0; }\n",
    };

    public static readonly IReadOnlyDictionary<string, string> MinimalContent = new Dictionary<string, string>
    {
        ["content/site.yaml"] = """
            title: Fictional Memorial
            base_url: https://memorial.example.org/sub/
            """,
        ["content/pages/index.md"] = """
            ---
            title: Welcome to Testville
            weight: 1
            ---
            A fictional town for tests.
            """,
    };

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    public FixtureSite(IReadOnlyDictionary<string, string> files, bool withTheme = true, bool withContent = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "bj-fixture-" + Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string>();
        foreach (var set in new[] { withTheme ? MinimalTheme : null, withContent ? MinimalContent : null, files })
        {
            foreach (var (path, text) in set ?? new Dictionary<string, string>())
            {
                all[path] = text;
            }
        }

        foreach (var (path, text) in all)
        {
            Write(path, text);
        }
    }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
    }

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Runs 'blackjanuary build' with paths inside the fixture, as a user would from its folder.</summary>
    public CliRun Build(params string[] extra) =>
        Run(["build", "--content", Path.Combine(Root, "content"), "--templates", Path.Combine(Root, "templates"), "--output", Output, .. extra]);

    /// <summary>
    /// The content as the checks see it: loaded and put through the Markdown stage, the real ones,
    /// with what those stages reported. The site is null when loading failed.
    /// </summary>
    public (Site? Site, DiagnosticBag Diagnostics) LoadAndRender(bool includeDrafts = false)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(Path.Combine(Root, "content"), null, includeDrafts, diagnostics);
        return (site is null ? null : MarkdownStage.Render(site, diagnostics), diagnostics);
    }

    /// <summary>The diagnostics in printed form, with paths relative to the fixture ("content/pages/a.md(1,1): …").</summary>
    public IReadOnlyList<string> Format(DiagnosticBag diagnostics) => diagnostics.Sorted().Select(d => d.Format(Root)).ToList();

    /// <summary>Runs any command line, as a user would from a folder outside the fixture; paths in messages are shown relative to the fixture.</summary>
    public CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = App.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString().Replace(Root + "/", "", StringComparison.Ordinal), stderr.ToString().Replace(Root + "/", "", StringComparison.Ordinal));
    }

    public string Content => Path.Combine(Root, "content");

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

public sealed record CliRun(int ExitCode, string Stdout, string Stderr);
