using BlackJanuary.Configuration;
using System.Security.Cryptography;
using System.Text;
using BlackJanuary.Checks;
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

    /// <param name="memo">Pages rendered by earlier builds of this session; only pages a change concerns are rendered again.</param>
    public static IReadOnlyList<RenderedPage> Render(Site site, TemplateSet templates, UiStrings strings, AssetManifest assets, string version, DiagnosticBag diagnostics, TemplateMemo? memo = null)
    {
        memo ??= new TemplateMemo();
        memo.BeginBuild();
        if (!templates.Contains(BaseLayout))
        {
            diagnostics.Error(DiagnosticCodes.MissingTemplate, new SourceLocation(BaseLayout),
                "the theme has no base layout; create templates/layouts/base.html (see docs/templates.md)");
            return [];
        }

        var targets = new LinkTargets(site, new Dictionary<string, IReadOnlyCollection<string>>());
        var shareImage = assets.Find("images/share.png") is { } share ? site.Config.AbsoluteUrlFor(share.OutputPath) : "";
        var siteKey = SiteKey(site, assets, strings, version, shareImage);
        var timelineKey = TimelineKey(site);
        // Built lazily: a one-page edit that renders no timeline page never builds the timeline's objects.
        var shared = new Lazy<Shared>(() => new Shared(
            TemplateFunctions.ReproducibleBuiltins(),
            TemplateFunctions.Create(site, assets, strings, targets),
            site.Config.Languages.ToDictionary(l => l.Code, l => TemplateModel.TimelineObject(site, l.Code))));
        var rendered = site.Pages.AsParallel().AsOrdered()
            .Select(page =>
            {
                if (memo.Entries.TryGetValue(page.SourcePath, out var known) && IsCurrent(known, page, siteKey, timelineKey, templates, targets))
                {
                    diagnostics.AddRange(known.Diagnostics);
                    return known.Html is null ? null : new RenderedPage(page, known.Html);
                }

                memo.Count();
                var reads = new RenderReads();
                var html = RenderPage(site, WithTitle(page, site.Config, strings), templates, shared.Value, version, shareImage, reads);
                if (html is not null)
                {
                    DuplicateIds.Check(new RenderedPage(page, html), reads.Diagnostics);
                }

                var reported = reads.Diagnostics.Sorted();
                diagnostics.AddRange(reported);
                memo.Entries[page.SourcePath] = new TemplateMemo.Entry(page, siteKey, timelineKey, reads, html, reported);
                return html is null ? null : new RenderedPage(page, html);
            })
            .OfType<RenderedPage>()
            .ToList();
        memo.Keep(site.Pages.Select(p => p.SourcePath));
        return rendered;
    }

    /// <summary>
    /// The built-in 404 page (for a site without pages/404.md) is titled in its language, with the
    /// theme's "not_found_title" string, or in English by a theme that has none.
    /// </summary>
    private static Page WithTitle(Page page, SiteConfig config, UiStrings strings) =>
        page.IsNotFound && page.Title.Length == 0
            ? page with { Title = strings.Find("not_found_title", page.Language, config.Language) ?? "Page not found" }
            : page;

    /// <summary>Whether a remembered render still holds: nothing it read has changed since.</summary>
    private static bool IsCurrent(TemplateMemo.Entry known, Page page, string siteKey, string timelineKey, TemplateSet templates, LinkTargets targets) =>
        known.Page.Equals(page)
        && known.SiteKey == siteKey
        && (!known.Reads.Timeline || known.TimelineKey == timelineKey)
        && known.Reads.Templates.All(t => ReferenceEquals(templates.GetOrNull(t.Key), t.Value))
        && known.Reads.Pages.All(p => Equals(targets.PageAtPath(p.Key), p.Value));

    /// <summary>What every page's render may read of the site: settings, navigation, which pages and files exist, assets.</summary>
    private static string SiteKey(Site site, AssetManifest assets, UiStrings strings, string version, string shareImage)
    {
        var text = new StringBuilder();
        var c = site.Config;
        text.AppendJoin('\n', c.BaseUrl, c.Language, c.DefaultLanguageInSubdir, c.Author, c.Image, c.RawHtml, version, shareImage, strings.Key).Append('\n');
        foreach (var language in c.Languages)
        {
            text.AppendJoin('\t', language.Code, language.Name, language.Culture, language.Title, language.Tagline, language.Description).Append('\n');
            foreach (var item in site.Navs[language.Code])
            {
                text.Append(item.Title).Append('\t').Append(item.Path).Append('\n');
            }
        }

        // Paths with their translation keys: the language switcher and hreflang links read them.
        text.AppendJoin(' ', site.Pages.Select(p => p.Path + "=" + p.TranslationKey)).Append('\n');
        text.AppendJoin(' ', site.Media.Select(m => m.OutputPath)).Append('\n');
        text.AppendJoin(' ', assets.All.Select(a => a.LogicalPath + "=" + a.OutputPath));
        return Hash(text);
    }

    /// <summary>What a page that reads 'timeline' sees: the events in every language, and the pages that show them.</summary>
    private static string TimelineKey(Site site)
    {
        var text = new StringBuilder();
        foreach (var language in site.Config.Languages)
        {
            text.Append(site.TimelinePageIn(language.Code)).Append('\n');
            foreach (var e in site.Timelines[language.Code])
            {
                text.AppendJoin('\t', e.Id, e.Date.Iso, e.EndDate?.Iso, e.Title, e.Place, e.Language, e.BodyHtml, e.Image, e.ImageAlt).Append('\t')
                    .AppendJoin('\t', e.Sources.Select(s => s.Title + " " + s.Url)).Append('\n');
            }
        }

        return Hash(text);
    }

    private static string Hash(StringBuilder text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

    /// <summary>What every page's render shares, built once per build: functions, and the timeline as each language shows it.</summary>
    private sealed record Shared(ScriptObject Builtins, ScriptObject Functions, IReadOnlyDictionary<string, ScriptObject> Timelines);

    private static string? RenderPage(Site site, Page page, TemplateSet templates, Shared shared, string version, string shareImage, RenderReads reads)
    {
        var layout = $"layouts/{page.Layout}.html";
        if (!templates.Contains(layout))
        {
            reads.Templates[layout] = null; // so that adding the layout renders the page
            var known = templates.Names.Where(n => n.StartsWith("layouts/", StringComparison.Ordinal) && n != BaseLayout)
                .Select(n => n["layouts/".Length..^".html".Length]).Order(StringComparer.Ordinal).ToList();
            var near = Content.Suggest.Nearest(page.Layout, known);
            // The built-in 404 page has no file to point at; the theme's missing layout is the problem then.
            var at = page.LayoutLocation.Line > 0 ? page.LayoutLocation
                : File.Exists(page.SourcePath) ? new SourceLocation(page.SourcePath, 1, 1)
                : new SourceLocation(layout);
            reads.Diagnostics.Error(DiagnosticCodes.UnknownLayout, at,
                $"unknown layout '{page.Layout}'; " + (near is not null ? $"did you mean '{near}'?" : $"the theme has: {string.Join(", ", known)}"));
            return null;
        }

        var globals = new TrackedGlobals(reads)
        {
            ["site"] = TemplateModel.SiteObject(site, page, version, shareImage),
            ["page"] = TemplateModel.PageObject(site, page),
            ["timeline"] = shared.Timelines[site.Config.LanguageOf(page.Language).Code],
        };
        var language = site.Config.LanguageOf(page.Language);
        var inner = Run(templates, layout, shared.Builtins, shared.Functions, globals, reads, language);
        if (inner is null)
        {
            return null;
        }

        globals["content"] = new TrustedHtml(inner);
        return Run(templates, BaseLayout, shared.Builtins, shared.Functions, globals, reads, language);
    }

    private static string? Run(TemplateSet templates, string name, ScriptObject builtins, ScriptObject functions, ScriptObject globals, RenderReads reads, SiteLanguage language)
    {
        var template = templates.Get(name);
        reads.Templates[name] = template;
        if (template.HasErrors)
        {
            return null; // Already reported when the template set was loaded.
        }

        var context = new HtmlTemplateContext(builtins, reads, language)
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
            reads.Diagnostics.Error(DiagnosticCodes.TemplateRuntime, TemplateSet.Locate(e.Span, template.SourceFilePath ?? name),
                $"template error: {e.OriginalMessage}");
            return null;
        }
    }
}
