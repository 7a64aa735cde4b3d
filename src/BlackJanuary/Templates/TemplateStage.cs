using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
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

    /// <param name="session">Keeps each page's render; a rebuild renders only the pages a change concerns.</param>
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
    public static IReadOnlyList<RenderedPage> Render(
        Site site, TemplateSet templates, UiStrings strings, AssetManifest assets, string version, DiagnosticBag diagnostics,
        Session? session = null, Action<RenderedPage, DiagnosticBag>? check = null, Action<RenderedPage>? write = null)
    {
        if (!templates.Contains(BaseLayout))
        {
            diagnostics.Error(DiagnosticCodes.MissingTemplate, new SourceLocation(BaseLayout),
                "the theme has no base layout; create templates/layouts/base.html (see docs/templates.md)");
            return [];
        }

        var shareImage = assets.Find("images/share.png") is { } share ? site.Config.AbsoluteUrlFor(share.OutputPath) : "";
        var c = site.Config;
        var timelinePages = c.Languages.Select(l => site.TimelinePageIn(l.Code)).ToArray();
        // What every page's render may read of the site: settings, each language's navigation,
        // which pages and files exist and what they translate (the switcher), assets, UI strings.
        // A token: the very same object while these are equal, so that each page compares it at a glance.
        var siteKey = Session.Once(session, "templates.site", new SiteInputs(
            c, version, shareImage, strings.Key, new Values<string?>([.. timelinePages.Select(p => p?.Path)]),
            new Values<(string, NavItem)>([.. c.Languages.SelectMany(l => site.Navs[l.Code].Select(n => (l.Code, n)))]),
            new ByPlace<Page>(site.Pages, Page.SamePlace),
            new Values<MediaFile>(site.Media), new Values<Asset>([.. assets.All])), () => new object());
        var targets = new Lazy<LinkTargets>(() => Session.Once(session, "templates.targets", siteKey, () => new LinkTargets(site)).For(site));
        // What find_page finds for a path is the same for every page of a build: looked up once.
        var pagesAt = new ConcurrentDictionary<string, Page?>(StringComparer.Ordinal);
        Page? PageAtPath(string path) => pagesAt.GetOrAdd(path, static (p, t) => t.Value.PageAtPath(p), targets);
        // What a page that reads 'timeline' sees: the events in every language and the pages that show them, with URLs made by the settings.
        var timelineKey = Session.Once(session, "templates.timeline", new TimelineInputs(c, new Values<Page?>(timelinePages), new Values<TimelineEvent>([.. site.AllEvents])), () => new object());
        // What a page that links to events sees of them: their titles and dates, not who the register lists under them.
        var eventsKey = Session.Once(session, "templates.events", new EventsInputs(c, new Values<Page?>(timelinePages), new ByPlace<TimelineEvent>([.. site.AllEvents], TimelineEvent.SameLink)), () => new object());
        // Built lazily: a one-page edit that renders no timeline page never builds the timeline's objects.
        var shared = new Lazy<Shared>(() => new Shared(
            Builtins.Value,
            TemplateFunctions.Create(site, assets, strings, targets.Value),
            Session.Once(session, "templates.timeline-objects", timelineKey, () => c.Languages.ToDictionary(l => l.Code, l => TemplateModel.TimelineObject(site, l.Code)))));
        var renders = Session.Each(session, "templates.pages", new Units<Page, PageInputs, PageRender>(
            site.Pages,
            // Kept by place while the site, the timeline and the templates are the same.
            new RenderScope(siteKey, timelineKey, eventsKey, templates),
            // By address, which is a page's own: one file (people.csv) makes many pages.
            p => p.Path,
            p => new PageInputs(p, siteKey),
            (page, d) =>
            {
                var reads = new RenderReads(timelineKey, eventsKey);
                var html = RenderPage(site, WithTitle(page, c, strings), templates, shared.Value, version, shareImage, reads);
                var rendered = html is null ? null : new RenderedPage(page, html);
                if (rendered is not null)
                {
                    check?.Invoke(rendered, reads.Diagnostics);
                    if (write is not null)
                    {
                        write(rendered);
                        rendered = new RenderedPage(page, "");
                    }
                }

                d.AddRange(reads.Diagnostics.Sorted());
                // A one-off build never asks what a page read: kept for 300,000 pages, those tables would last to the end of the build.
                return new PageRender(session is null ? null : reads, rendered);
            },
            StillHolds: known => known.Reads is { } reads && reads.StillHolds(timelineKey, eventsKey, templates, PageAtPath),
            ReadsOthers: known => known.Reads?.FoundPaths ?? [],
            Name: page => page.Path), diagnostics);
        // The pages that failed have reported why.
        var pages = new RenderedPage[renders.Length];
        var count = 0;
        foreach (var render in renders)
        {
            if (render.Page is { } page)
            {
                pages[count++] = page;
            }
        }

        return count == pages.Length ? pages : pages[..count];
    }

    private sealed record SiteInputs(
        SiteConfig Config, string Version, string ShareImage, string Strings, Values<string?> TimelinePages, Values<(string, NavItem)> Navs,
        ByPlace<Page> Pages, Values<MediaFile> Media, Values<Asset> Assets);

    private sealed record TimelineInputs(SiteConfig Config, Values<Page?> TimelinePages, Values<TimelineEvent> Events);

    private sealed record EventsInputs(SiteConfig Config, Values<Page?> TimelinePages, ByPlace<TimelineEvent> Events);

    private sealed record RenderScope(object Site, object Timeline, object Events, TemplateSet Templates);

    /// <summary>A page's render reads the page itself and what every page sees; what else it read, it records (<see cref="RenderReads"/>).</summary>
    private sealed record PageInputs(Page Page, object Site);

    /// <summary>A page's render and what it read (in a session); no page when it failed.</summary>
    private sealed record PageRender(RenderReads? Reads, RenderedPage? Page);

    /// <summary>
    /// The built-in 404 page (for a site without pages/404.md) is titled in its language, with the
    /// theme's "not_found_title" string, or in English by a theme that has none.
    /// </summary>
    private static Page WithTitle(Page page, SiteConfig config, UiStrings strings)
    {
        string T(string key, string english) => strings.Find(key, page.Language, config.Language) ?? english;
        if (page.IsNotFound && page.Title.Length == 0)
        {
            return page with { Title = T("not_found_title", "Page not found") };
        }

        if (page.Layout == Page.SearchKey && page.Title.Length == 0)
        {
            return page with { Title = T("search_title", "Search") };
        }

        if (page.Listing is not { } listing || page.Title.Length > 0)
        {
            return page;
        }

        // A list's title says what it lists, in the theme's words: "Names — Testabad", "On this day: 20 January".
        var language = config.LanguageOf(page.Language);
        var title = listing.Kind switch
        {
            ListingKind.OnThisDay => $"{T("on_this_day", "On this day")}: {TemplateModel.DayText(listing.Date!, language)}",
            ListingKind.Died => $"{T("people_title", "Names")} — {T("died", "Died")} {language.Format(listing.Date!)}",
            ListingKind.Place => $"{T("people_title", "Names")} — {listing.Value}",
            _ => T("people_title", "Names"),
        };
        return page with { Title = listing.Number > 1 ? $"{title} ({T("page", "page")} {listing.Number})" : title };
    }

    /// <summary>What every page's render shares, built once per build: functions, and the timeline as each language shows it.</summary>
    private sealed record Shared(ScriptObject Builtins, ScriptObject Functions, IReadOnlyDictionary<string, ScriptObject> Timelines);

    private static string? RenderPage(Site site, Page page, TemplateSet templates, Shared shared, string version, string shareImage, RenderReads reads)
    {
        var layout = TemplateSet.LayoutOf(page.Layout);
        if (!templates.Contains(layout))
        {
            reads.Templates[layout] = null; // so that adding the layout renders the page
            var known = templates.Names.Where(n => n.StartsWith("layouts/", StringComparison.Ordinal) && n != BaseLayout)
                .Select(n => n["layouts/".Length..^".html".Length]).Order(StringComparer.Ordinal).ToList();
            var near = Suggest.Nearest(page.Layout, known);
            // A page without "layout:" is reported at its file; the built-in 404 page has no file to
            // point at, and the theme's missing layout is the problem then.
            var at = page.LayoutLocation.Line > 0 ? page.LayoutLocation
                : page.TitleLocation.Line > 0 ? new SourceLocation(page.SourcePath)
                : new SourceLocation(layout);
            reads.Diagnostics.Error(DiagnosticCodes.UnknownLayout, at,
                $"unknown layout '{page.Layout}'; " + (near is not null ? $"did you mean '{near}'?" : $"the theme has: {string.Join(", ", known)}"));
            return null;
        }

        var language = site.Config.LanguageOf(page.Language);
        reads.Events |= page.Person is { Events.Count: > 0 } || page.Listing is { Events.Count: > 0 };
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
