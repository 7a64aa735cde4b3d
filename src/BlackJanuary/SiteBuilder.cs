using System.Reflection;
using BlackJanuary.Checks;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Markdown;
using BlackJanuary.Output;
using BlackJanuary.Templates;

namespace BlackJanuary;

/// <summary>Load → Markdown → Templates → Output. It calls the stages and does none of their work.</summary>
public static class SiteBuilder
{
    public static string Version { get; } =
        typeof(SiteBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var (pages, files) = (0, 0);
        var site = ContentLoader.Load(options.ContentDir, options.BaseUrl, options.Drafts, diagnostics);
        // The site's own templates/ folder, if any, overrides single files of the theme.
        string[] templateRoots = [Path.Combine(options.ContentDir, "templates"), options.TemplatesDir];
        var templates = TemplateSet.Load(templateRoots, diagnostics);
        var assets = AssetManifest.Build(templateRoots, diagnostics);

        if (site is not null && !diagnostics.HasErrors)
        {
            site = MarkdownStage.Render(site, diagnostics);
            var rendered = TemplateStage.Render(site, templates, assets, Version, diagnostics);
            DuplicateIds.Check(rendered, diagnostics);
            if (!Failed(diagnostics, options.Strict))
            {
                using var writer = OutputWriter.Begin(options.OutputDir, diagnostics);
                if (writer is not null)
                {
                    // Creating many small files is mostly time in the kernel, which two threads halve.
                    Parallel.ForEach(rendered, page => writer.WriteText(page.Page.OutputFile, page.Html));
                    foreach (var asset in assets.All)
                    {
                        writer.Copy(asset.OutputPath, asset.SourceFile);
                    }

                    foreach (var media in site.Media)
                    {
                        writer.Copy(media.OutputPath, media.SourceFile);
                    }

                    foreach (var (path, text) in SiteFiles.All(site))
                    {
                        writer.WriteText(path, text);
                    }

                    if (!Failed(diagnostics, options.Strict))
                    {
                        writer.Commit();
                        (pages, files) = (rendered.Count, writer.FilesWritten);
                    }
                }
            }
        }

        var succeeded = !Failed(diagnostics, options.Strict);
        return new BuildResult(diagnostics.Sorted(), succeeded ? pages : 0, succeeded ? files : 0, succeeded);
    }

    private static bool Failed(DiagnosticBag diagnostics, bool strict) =>
        diagnostics.HasErrors || (strict && diagnostics.Any);
}
