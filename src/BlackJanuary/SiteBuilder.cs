using BlackJanuary.Checks;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Markdown;
using BlackJanuary.Output;
using BlackJanuary.Templates;
using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary;

/// <summary>
/// Load → Markdown → Templates → Output. It calls the stages and does none of their work. One
/// instance is one session: each stage keeps what it made, so that a rebuild after an edit redoes
/// only what the edit concerns (the dev server builds on every save).
/// </summary>
/// <param name="remember">
/// False for a build that runs once (build, check): remembering files costs a hash of each, which
/// only a later build of the same session could use.
/// </param>
public sealed class SiteBuilder(BuildOptions options, bool remember = true)
{
    private readonly FileMemo? _files = remember ? new FileMemo() : null;
    private readonly ContentMemo? _content = remember ? new ContentMemo() : null;
    private readonly MarkdownMemo _markdown = new();
    private readonly TemplateMemo _templates = new();
    private readonly SiteFilesMemo _siteFiles = new();
    private readonly ChecksMemo _checks = new();
    private SiteFileSet? _lastFiles;

    public BuildOptions Options => options;

    /// <summary>Told the name of each stage as it starts, for progress on a terminal.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Builds the site and writes it to the output folder, replacing it only on success.</summary>
    public static BuildResult Build(BuildOptions options, IProgress<string>? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        var (files, pages, committed) = (0, 0, false);
        // Pages are written into the staging folder as they are rendered; a build that fails
        // throws the staging folder away, so the output is replaced whole or not at all.
        using (var writer = OutputWriter.Begin(options.OutputDir, [(options.ContentDir, "the content folder"), (options.TemplatesDir, "the theme folder")], diagnostics))
        {
            // Without a writer (the output folder was refused) the content is still checked, so that one run reports every problem.
            var snapshot = new SiteBuilder(options, remember: false) { Progress = progress }.Render(changes: null, writer);
            diagnostics.AddRange(snapshot.Diagnostics);
            if (writer is not null && snapshot.Succeeded)
            {
                var rest = snapshot.Files.Where(f => !ReferenceEquals(f.Value, SiteFile.Written)).ToList();
                progress?.Report($"Writing {rest.Count} files besides the pages, which were written as they were rendered");
                // Creating many small files is mostly time in the kernel, which two threads halve.
                Parallel.ForEach(rest, file =>
                {
                    if (file.Value.Text is { } text)
                    {
                        writer.WriteText(file.Key, text);
                    }
                    else
                    {
                        writer.Copy(file.Key, file.Value.SourceFile!);
                    }
                });
                if (!Failed(diagnostics, options.Strict))
                {
                    writer.Commit();
                    (files, pages, committed) = (writer.FilesWritten, snapshot.Pages, true);
                }
            }
        }

        // Swapping the folder in can fail too (reported), after the commit was tried.
        var succeeded = committed && !Failed(diagnostics, options.Strict);
        return new BuildResult(diagnostics.Sorted(), succeeded ? pages : 0, succeeded ? files : 0, succeeded);
    }

    /// <summary>The whole site in memory, without writing anything: what build writes, serve serves and check checks.</summary>
    /// <param name="changes">What changed since the last build of this session, if a watcher knows; see <see cref="FileChanges"/>.</param>
    public SiteSnapshot Render(FileChanges? changes = null) => Render(changes, writer: null);

    /// <param name="writer">Where a one-off build writes each page as soon as it is rendered (see <see cref="Build"/>); null keeps every page in the snapshot.</param>
    private SiteSnapshot Render(FileChanges? changes, OutputWriter? writer)
    {
        var diagnostics = new DiagnosticBag();
        var files = new SiteFileSet();
        _files?.BeginBuild(changes);
        Progress?.Report("Loading content and templates");
        var site = ContentLoader.Load(options.ContentDir, options.BaseUrl, options.Drafts, diagnostics, _files, _content);
        var templateRoots = EmbeddedTheme.Roots(options.ContentDir, options.TemplatesDir, diagnostics);
        var templates = TemplateSet.Load(templateRoots, diagnostics, _files);
        var strings = UiStrings.Load(templateRoots, diagnostics, _files);
        var assets = AssetManifest.Build(templateRoots, diagnostics, _files);
        var pages = 0;
        if (site is not null && !diagnostics.HasErrors)
        {
            strings.Check(site.Config, diagnostics);
            Progress?.Report($"Rendering the Markdown of {site.Pages.Count} pages and {site.Timeline.Count} events");
            site = MarkdownStage.Render(site, diagnostics, _markdown);
            Progress?.Report("Checking images, alt text and titles");
            ContentChecks.Run(site, diagnostics, _checks);
            Progress?.Report($"Rendering {site.Pages.Count} pages through the templates");
            var rendered = TemplateStage.Render(site, templates, strings, assets, Generator.Version, diagnostics, _templates, DuplicateIds.Check,
                writer is null ? null : page =>
                {
                    // A path no host can store is reported once, by the file set, with the input to blame.
                    if (OutputNames.Problem(page.OutputFile) is null)
                    {
                        writer.WriteText(page.OutputFile, page.Html);
                    }
                });
            files.AddPages(rendered, written: writer is not null);

            foreach (var asset in assets.All)
            {
                files.Add(asset.OutputPath, SiteFile.CopyOf(asset.SourceFile), asset.SourceFile);
            }

            foreach (var media in site.Media)
            {
                files.Add(media.OutputPath, SiteFile.CopyOf(media.SourceFile), media.SourceFile);
            }

            Progress?.Report("Making the sitemap, feed and other site files");
            foreach (var (path, text) in SiteFiles.All(site, _siteFiles))
            {
                files.Add(path, SiteFile.Generated(text), $"the generated {path}");
            }

            pages = rendered.Count;
        }

        var output = files.Check(diagnostics, _lastFiles);
        _lastFiles = files;
        _files?.EndBuild();
        var succeeded = !Failed(diagnostics, options.Strict);
        return new SiteSnapshot(diagnostics.Sorted(), succeeded, site, succeeded ? output : new Dictionary<string, SiteFile>(), pages, _templates.Rendered);
    }

    private static bool Failed(DiagnosticBag diagnostics, bool strict) =>
        diagnostics.HasErrors || (strict && diagnostics.Any);
}
