using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Output;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Templates;

/// <summary>Renders every page through its layout and the base layout, in parallel.</summary>
public static class TemplateStage
{
    public const string BaseLayout = "layouts/base.html";

    /// <summary>Read-only and the same for every site, so made once: making them is most of rendering a single page.</summary>
    private static readonly Lazy<ScriptObject> Builtins = new(TemplateFunctions.ReproducibleBuiltins);

    /// <param name="memo">Pages rendered by earlier builds of this session; only pages a change concerns are rendered again.</param>
    /// <param name="check">
    /// The checks of a rendered page's HTML (ids used twice): given by the caller, so that this
    /// stage knows no check, and run on each page as it is rendered, so that a page kept from the
    /// last build keeps what they found.
    /// </param>
    /// <param name="write">
    /// When given, each page is handed to it as soon as it is rendered and is not kept: the pages
    /// returned have no HTML. A one-off build writes them at once, instead of holding every page
    /// of a large site in memory until the last is rendered.
    /// </param>
    public static IReadOnlyList<RenderedPage> Render(Site site, TemplateSet templates, UiStrings strings, AssetManifest assets, string version, DiagnosticBag diagnostics, TemplateMemo? memo = null, Action<RenderedPage, DiagnosticBag>? check = null, Action<RenderedPage>? write = null)
    {
        memo ??= new TemplateMemo();
        memo.BeginBuild();
        if (!templates.Contains(BaseLayout))
        {
            diagnostics.Error(DiagnosticCodes.MissingTemplate, new SourceLocation(BaseLayout),
                "the theme has no base layout; create templates/layouts/base.html (see docs/templates.md)");
            return [];
        }

        // Every remembered render was current at the last build; with the very same templates, the ones it ran still are.
        var sameTemplates = memo.SameTemplates(templates);
        var shareImage = assets.Find("images/share.png") is { } share ? site.Config.AbsoluteUrlFor(share.OutputPath) : "";
        var c = site.Config;
        var timelinePages = c.Languages.Select(l => site.TimelinePageIn(l.Code)).ToArray();
        // What every page's render may read of the site: settings, each language's navigation,
        // which pages and files exist and what they translate (the switcher), assets, UI strings.
        var siteKey = memo.Token("site", [
            c, version, shareImage, strings.Key, timelinePages.Select(p => p?.Path).ToArray(),
            c.Languages.SelectMany(l => site.Navs[l.Code].Select(n => (l.Code, n))).ToArray(),
            new ByPlace<Page>(site.Pages, Page.SamePlace),
            site.Media.Select(m => m.OutputPath).ToArray(), assets.All.ToArray()]);
        var targets = new Lazy<LinkTargets>(() => memo.Targets(siteKey, site));
        // What find_page finds for a path is the same for every page of a build: looked up once.
        var pagesAt = new ConcurrentDictionary<string, Page?>(StringComparer.Ordinal);
        Page? PageAtPath(string path) => pagesAt.GetOrAdd(path, static (p, t) => t.Value.PageAtPath(p), targets);
        var changedPaths = memo.ChangedPaths(site.Pages);
        // What a page that reads 'timeline' sees: the events in every language and the pages that show them, with URLs made by the settings.
        var timelineKey = memo.Token("timeline", [c, timelinePages, site.AllEvents.ToArray()]);
        // Built lazily: a one-page edit that renders no timeline page never builds the timeline's objects.
        var shared = new Lazy<Shared>(() => new Shared(
            Builtins.Value,
            TemplateFunctions.Create(site, assets, strings, targets.Value),
            memo.Timeline(timelineKey, () => c.Languages.ToDictionary(l => l.Code, l => TemplateModel.TimelineObject(site, l.Code)))));
        // With the same site and timeline as at the last build, the same templates, and no page
        // changed that any render found with find_page, a place whose page is the very same
        // object keeps its render without a look at what it read.
        var unchanged = memo.SameAsLastBuild(siteKey, timelineKey, sameTemplates, changedPaths);
        var entries = Remembered.Each(site.Pages,
            (page, index) => (unchanged ? memo.KeptAt(index, page) : null)
                ?? (memo.Known(page, index) is { } known && IsCurrent(known, page, siteKey, timelineKey, sameTemplates ? null : templates, PageAtPath, changedPaths) ? known : null),
            page =>
            {
                memo.Count();
                var reads = new RenderReads();
                var html = RenderPage(site, WithTitle(page, c, strings), templates, shared.Value, version, shareImage, reads);
                if (html is not null)
                {
                    var rendered = new RenderedPage(page, html);
                    check?.Invoke(rendered, reads.Diagnostics);
                    if (write is not null)
                    {
                        write(rendered);
                        html = "";
                    }
                }

                memo.Found(reads);
                return memo.Entries[page.SourcePath] = new TemplateMemo.Entry(page, siteKey, timelineKey, reads, html, reads.Diagnostics.Sorted());
            });
        return memo.Keep(site.Pages, entries, siteKey, timelineKey, diagnostics);
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
    /// <param name="templates">The templates, or null when they are those of the last build.</param>
    /// <param name="changedPaths">The paths whose page changed since the last build (<see cref="TemplateMemo.ChangedPaths"/>), or null to look at every page the render found.</param>
    private static bool IsCurrent(TemplateMemo.Entry known, Page page, object siteKey, object timelineKey, TemplateSet? templates, Func<string, Page?> pageAtPath, HashSet<string>? changedPaths)
    {
        if (!known.Page.Equals(page) || known.SiteKey != siteKey || (known.Reads.Timeline && known.TimelineKey != timelineKey))
        {
            return false;
        }

        if (templates is not null)
        {
            foreach (var (name, template) in known.Reads.Templates)
            {
                if (!ReferenceEquals(templates.GetOrNull(name), template))
                {
                    return false;
                }
            }
        }

        foreach (var (path, found) in known.Reads.Pages)
        {
            // With the same site token every path leads to the same place: a page that was not
            // there is still not there, and one that is the very same object is still current.
            if (changedPaths is not null && (found is null || !changedPaths.Contains(found.Path)))
            {
                continue;
            }

            if (!Equals(pageAtPath(path), found))
            {
                return false;
            }
        }

        return true;
    }

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
            var near = Suggest.Nearest(page.Layout, known);
            // The built-in 404 page has no file to point at; the theme's missing layout is the problem then.
            var at = page.LayoutLocation.Line > 0 ? page.LayoutLocation
                : File.Exists(page.SourcePath) ? new SourceLocation(page.SourcePath, 1, 1)
                : new SourceLocation(layout);
            reads.Diagnostics.Error(DiagnosticCodes.UnknownLayout, at,
                $"unknown layout '{page.Layout}'; " + (near is not null ? $"did you mean '{near}'?" : $"the theme has: {string.Join(", ", known)}"));
            return null;
        }

        var language = site.Config.LanguageOf(page.Language);
        var globals = new TrackedGlobals(reads)
        {
            ["site"] = TemplateModel.SiteObject(site, page, version, shareImage),
            ["page"] = TemplateModel.PageObject(site, page),
            ["timeline"] = shared.Timelines[language.Code],
        };
        var context = HtmlTemplateContext.Rent(shared.Builtins, reads, language);
        templates.Prime(context);
        context.PushGlobal(shared.Functions);
        var inner = Run(context, templates, layout, globals);
        if (inner is null)
        {
            return null;
        }

        globals["content"] = new TrustedHtml(inner);
        var html = Run(context, templates, BaseLayout, globals);
        if (html is not null)
        {
            context.Return();
        }

        return html;
    }

    /// <summary>Renders one template with the page's globals, in a local scope of its own as if in a context of its own.</summary>
    private static string? Run(HtmlTemplateContext context, TemplateSet templates, string name, ScriptObject globals)
    {
        var template = templates.Get(name);
        context.Reads.Templates[name] = template;
        if (template.HasErrors)
        {
            return null; // Already reported when the template set was loaded.
        }

        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException || e.InnerException is RegexMatchTimeoutException)
        {
            // Scriban may pass the timeout on as it is, without the place of the call; the context still knows it.
            var at = e is ScriptRuntimeException { Span.FileName: not null } wrapped ? wrapped.Span : context.CurrentSpan;
            context.Reads.Diagnostics.Error(DiagnosticCodes.TemplateRegexTimeout, TemplateSet.Locate(at, template.SourceFilePath ?? name),
                $"the regular expression took longer than {HtmlTemplateContext.RegexTimeLimit.TotalMilliseconds:0} ms on this page's text and was stopped; "
                + "it backtracks without end on some text (nested repetition like (a+)+): write it without repetition inside repetition, or use string functions instead");
            return null;
        }
        catch (ScriptRuntimeException e)
        {
            context.Reads.Diagnostics.Error(DiagnosticCodes.TemplateRuntime, TemplateSet.Locate(e.Span, template.SourceFilePath ?? name),
                $"template error: {e.OriginalMessage}");
            return null;
        }
        finally
        {
            context.PopGlobal();
        }
    }
}
