using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Output;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BlackJanuary.Templates;

/// <summary>A page rendered to its final HTML document.</summary>
public sealed record RenderedPage(Page Page, string Html);

/// <summary>Renders every page through its layout and the base layout, in parallel.</summary>
public static class TemplateStage
{
    public const string BaseLayout = "layouts/base.html";

    /// <summary>Bounds on template work, so that a bad or hostile template cannot hang the build.</summary>
    private const int LoopLimit = 100_000;

    private const int RecursiveLimit = 64;

    public static IReadOnlyList<RenderedPage> Render(Site site, TemplateSet templates, AssetManifest assets, string version, DiagnosticBag diagnostics)
    {
        if (!templates.Contains(BaseLayout))
        {
            diagnostics.Error(DiagnosticCodes.MissingTemplate, new SourceLocation(BaseLayout),
                "the theme has no base layout; create templates/layouts/base.html (see docs/templates.md)");
            return [];
        }

        var functions = TemplateFunctions.Create(site, assets, diagnostics);
        var builtins = TemplateFunctions.ReproducibleBuiltins();
        var shareImage = assets.Find("images/share.png") is { } share ? site.Config.AbsoluteUrlFor(share.OutputPath) : "";
        var timeline = TemplateModel.TimelineObject(site);
        return site.Pages.AsParallel().AsOrdered()
            .Select(page => RenderPage(site, page, templates, builtins, functions, timeline, version, shareImage, diagnostics))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
    }

    private static RenderedPage? RenderPage(Site site, Page page, TemplateSet templates, ScriptObject builtins, ScriptObject functions, ScriptObject timeline, string version, string shareImage, DiagnosticBag diagnostics)
    {
        var layout = $"layouts/{page.Layout}.html";
        if (!templates.Contains(layout))
        {
            var known = templates.Names.Where(n => n.StartsWith("layouts/", StringComparison.Ordinal) && n != BaseLayout)
                .Select(n => n["layouts/".Length..^".html".Length]).Order(StringComparer.Ordinal).ToList();
            var near = Content.Suggest.Nearest(page.Layout, known);
            // The built-in 404 page has no file to point at; the theme's missing layout is the problem then.
            var at = page.LayoutLocation.Line > 0 ? page.LayoutLocation
                : File.Exists(page.SourcePath) ? new SourceLocation(page.SourcePath, 1, 1)
                : new SourceLocation(layout);
            diagnostics.Error(DiagnosticCodes.UnknownLayout, at,
                $"unknown layout '{page.Layout}'; " + (near is not null ? $"did you mean '{near}'?" : $"the theme has: {string.Join(", ", known)}"));
            return null;
        }

        var globals = new ScriptObject
        {
            ["site"] = TemplateModel.SiteObject(site, page, version, shareImage),
            ["page"] = TemplateModel.PageObject(site, page),
            ["timeline"] = timeline,
        };
        var inner = Run(templates, layout, builtins, functions, globals, diagnostics);
        if (inner is null)
        {
            return null;
        }

        globals["content"] = new TrustedHtml(inner);
        var html = Run(templates, BaseLayout, builtins, functions, globals, diagnostics);
        return html is null ? null : new RenderedPage(page, html);
    }

    private static string? Run(TemplateSet templates, string name, ScriptObject builtins, ScriptObject functions, ScriptObject globals, DiagnosticBag diagnostics)
    {
        var template = templates.Get(name);
        if (template.HasErrors)
        {
            return null; // Already reported when the template set was loaded.
        }

        var context = new HtmlTemplateContext(builtins)
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            // Scriban would indent every line of trusted HTML by the spaces before its {{ }},
            // which changes the text of <pre> blocks.
            AutoIndent = false,
        };
        templates.Prime(context);
        context.PushGlobal(functions);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, TemplateSet.Locate(e.Span, template.SourceFilePath ?? name),
                $"template error: {e.OriginalMessage}");
            return null;
        }
    }
}
