using BlackJanuary.Checks;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Markdown;
using BlackJanuary.Media;
using BlackJanuary.Output;
using BlackJanuary.Search;
using BlackJanuary.Templates;
using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary;

/// <summary>How a <see cref="SiteBuilder"/> builds, as Zola's build modes.</summary>
public enum BuildMode
{
    /// <summary>'build': one run, each page written to a staging folder as it is rendered, which replaces the output folder whole on success.</summary>
    Disk,

    /// <summary>'check': one run, the site held in memory and nothing written or kept.</summary>
    Memory,

    /// <summary>'serve': in memory, every run after the first redoing only what changed since the last (see <see cref="Session"/>).</summary>
    Session,
}

/// <summary>
/// Load → Markdown → Checks → Templates → Output and Search. It calls the stages and does none of their
/// work; <see cref="Build"/> is the one way to run them, in any <see cref="BuildMode"/>.
/// </summary>
public sealed class SiteBuilder(BuildOptions options, BuildMode mode = BuildMode.Session)
{
    private readonly Session? _session = mode == BuildMode.Session ? new Session() : null;

    public BuildOptions Options => options;

    /// <summary>Told the name of each stage as it starts, for progress on a terminal.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Builds the site: in memory, or onto disk, as the mode says.</summary>
    /// <param name="changes">What changed since the last build of this session, if a watcher knows; see <see cref="FileChanges"/>.</param>
    public SiteSnapshot Build(FileChanges? changes = null)
    {
        if (mode != BuildMode.Disk)
        {
            return Run(changes, writer: null);
        }

        var diagnostics = new DiagnosticBag();
        // Pages are written into the staging folder as they are rendered; a build that fails
        // throws the staging folder away, so the output is replaced whole or not at all.
        using var writer = OutputWriter.Begin(options.OutputDir, [(options.ContentDir, "the content folder"), (options.TemplatesDir, "the theme folder")], diagnostics);
        // Without a writer (the output folder was refused) the content is still checked, so that one run reports every problem.
        var snapshot = Run(changes: null, writer);
        diagnostics.AddRange(snapshot.Diagnostics);
        var committed = false;
        if (writer is not null && snapshot.Succeeded)
        {
            writer.WriteAll(snapshot.Files, Progress);
            if (!Failed(diagnostics, options.Strict))
            {
                writer.Commit();
                committed = true;
            }
        }

        // Swapping the folder in can fail too (reported), after the commit was tried.
        var succeeded = committed && !Failed(diagnostics, options.Strict);
        return snapshot with { Diagnostics = diagnostics.Sorted(), Succeeded = succeeded, Pages = succeeded ? snapshot.Pages : 0, FilesWritten = succeeded ? writer!.FilesWritten : 0 };
    }

    /// <param name="writer">Where a one-off build writes each page as soon as it is rendered; null keeps every page in the snapshot.</param>
    private SiteSnapshot Run(FileChanges? changes, OutputWriter? writer)
    {
        var diagnostics = new DiagnosticBag();
        var files = new SiteFileSet();
        _session?.Begin(changes);
        Progress?.Report("Loading content and templates");
        var templateRoots = EmbeddedTheme.Roots(options.ContentDir, options.TemplatesDir, diagnostics);
        var templates = TemplateSet.Load(templateRoots, diagnostics, _session?.Files);
        // A theme without a search layout makes a site without search pages, as Hugo makes no page a theme has no layout for.
        var site = ContentLoader.Load(options.ContentDir, options.BaseUrl, options.Drafts, diagnostics, _session, options.BuildDate(), search: templates.Contains(TemplateSet.LayoutOf(Page.SearchKey)));
        if (site is not null)
        {
            if (MediaStage.HasRasters(site))
            {
                Progress?.Report("Reading the images' headers");
            }

            site = MediaStage.Probe(site, options.Cache, diagnostics, _session);
        }

        var strings = UiStrings.Load(templateRoots, diagnostics, _session?.Files);
        var assets = AssetManifest.Build(templateRoots, diagnostics, _session?.Files);
        var pages = 0;
        IReadOnlyList<PublishedAddress> addresses = [];
        if (site is not null && !diagnostics.HasErrors)
        {
            strings.Check(site.Config, diagnostics);
            Progress?.Report($"Rendering the Markdown of {site.Pages.Count} pages and {site.Timeline.Count} events");
            var config = site.Config;
            site = MarkdownStage.Render(site, diagnostics, _session, new MediaWording(strings.Key, language => strings.MediaWords(language, config.Language)));
            Progress?.Report("Checking images, alt text and titles");
            ContentChecks.Run(site, diagnostics, _session);
            Progress?.Report($"Rendering {site.Pages.Count} pages through the templates");
            var rendered = TemplateStage.Render(site, templates, strings, assets, Generator.Version, diagnostics, _session, DuplicateIds.Check,
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
                files.Add(asset.OutputPath, SiteFile.CopyOf(asset.SourceFile), asset.SourceFile, lasting: false);
            }

            foreach (var media in site.Media.Where(m => m.Raster is null))
            {
                files.Add(media.OutputPath, SiteFile.CopyOf(media.SourceFile), media.SourceFile, lasting: true);
            }

            if (MediaStage.HasRasters(site))
            {
                Progress?.Report("Making the images' sizes and formats");
            }

            // An image whose own name no host can store is reported once, at its address; its sizes would repeat the name.
            var unstorable = site.Media.Where(m => OutputNames.Problem(m.OutputPath) is not null).Select(m => m.SourceFile).ToHashSet(StringComparer.Ordinal);
            foreach (var made in MediaStage.Derivatives(site, options.Cache, diagnostics))
            {
                if (!unstorable.Contains(made.SourceFile) || made.IsOriginal)
                {
                    files.Add(made.OutputPath, SiteFile.CopyOf(made.CacheFile), made.SourceFile, lasting: made.IsOriginal);
                }
            }

            Progress?.Report("Making the sitemap, feed and other site files");
            foreach (var (path, text) in SiteFiles.All(site, _session))
            {
                files.Add(path, SiteFile.Generated(text), $"the generated {path}", lasting: GeneratedFiles.IsLasting(path));
            }

            foreach (var (path, text, source) in Redirects.Files(site, diagnostics))
            {
                files.Add(path, SiteFile.Generated(text), source, lasting: GeneratedFiles.IsLasting(path));
            }

            Progress?.Report("Making the search index");
            foreach (var (path, text) in SearchIndex.Files(site, _session))
            {
                files.Add(path, SiteFile.Generated(text), "the search index", lasting: false);
            }

            pages = rendered.Count;
            addresses = PublishedUrls.Of(files.Lasting(), options.ContentDir);
            files.Add(GeneratedFiles.PublishedUrlsFile, SiteFile.Generated(PublishedUrls.Manifest(site.Config, addresses)), $"the generated {GeneratedFiles.PublishedUrlsFile}", lasting: false);
            if (options.KeepLockedUrls)
            {
                PublishedUrls.Check(options.ContentDir, addresses, site.Withdrawn, diagnostics, _session?.Files);
            }
        }

        var output = files.Check(diagnostics, _session);
        _session?.End();
        var succeeded = !Failed(diagnostics, options.Strict);
        return new SiteSnapshot(diagnostics.Sorted(), succeeded, site, succeeded ? output : new Dictionary<string, SiteFile>(), pages, _session?.Made("templates.pages") ?? pages)
        {
            Addresses = succeeded ? addresses : [],
        };
    }

    private static bool Failed(DiagnosticBag diagnostics, bool strict) =>
        diagnostics.HasErrors || (strict && diagnostics.Any);
}
