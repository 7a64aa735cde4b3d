using BlackJanuary.Model;
using BlackJanuary.Output;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

/// <summary>
/// Turns the model into the snake_case variables that templates see (docs/templates.md). Built
/// here, by hand, so that renaming a C# property never silently changes the template contract.
/// </summary>
internal static class TemplateModel
{
    public const string Generator = "BlackJanuary";

    public static ScriptObject SiteObject(Site site, Page current, string version, string shareImage)
    {
        var c = site.Config;
        var nav = new ScriptArray();
        foreach (var item in site.Nav)
        {
            nav.Add(new ScriptObject
            {
                ["title"] = item.Title,
                ["url"] = c.PathFor(item.Path),
                ["current"] = item.Path == current.Path,
            });
        }

        return new ScriptObject
        {
            ["title"] = c.Title,
            ["tagline"] = c.Tagline,
            ["description"] = c.Description,
            ["language"] = c.Language,
            ["author"] = c.Author,
            ["base_url"] = c.BaseUrl.ToString(),
            ["csp"] = SecurityPolicy.ContentSecurityPolicy,
            ["image"] = c.Image.Length > 0 ? c.AbsoluteUrlFor(c.Image) : shareImage,
            ["generator"] = $"{Generator} {version}",
            ["nav"] = nav,
        };
    }

    private static ScriptObject Frozen(ScriptObject value)
    {
        value.IsReadOnly = true;
        return value;
    }

    public static ScriptObject PageObject(Site site, Page page) => new()
    {
        ["title"] = page.Title,
        ["summary"] = page.Summary,
        ["description"] = page.Summary.Length > 0 ? page.Summary : site.Config.Description,
        ["url"] = site.Config.PathFor(page.Path),
        ["permalink"] = site.Config.AbsoluteUrlFor(page.Path),
        ["kind"] = page.IsNotFound ? "404" : page.Layout is "home" or "timeline" ? page.Layout : "page",
        ["layout"] = page.Layout,
        ["date_iso"] = page.Date?.Iso ?? "",
        ["date_text"] = page.Date?.Text ?? "",
        ["content"] = new TrustedHtml(page.ContentHtml),
        ["image"] = page.Image.Length > 0 ? site.Config.AbsoluteUrlFor(page.Image) : "",
        ["image_alt"] = page.ImageAlt,
        ["is_home"] = page.IsHome,
    };

    /// <summary>
    /// Built once per build and shared by every page's render, so it is frozen: a template that
    /// tried to change it would otherwise race with the other pages rendering in parallel.
    /// </summary>
    public static ScriptObject TimelineObject(Site site)
    {
        var c = site.Config;
        var timelinePath = site.TimelinePage?.Path ?? "timeline/";
        var all = new ScriptArray();
        var years = new ScriptArray();
        foreach (var group in site.Timeline.GroupBy(e => e.Date.Year))
        {
            var events = new ScriptArray();
            foreach (var e in group)
            {
                var sources = new ScriptArray();
                foreach (var s in e.Sources)
                {
                    sources.Add(new ScriptObject { ["title"] = s.Title, ["url"] = s.Url, IsReadOnly = true });
                }

                sources.IsReadOnly = true;

                var item = new ScriptObject
                {
                    ["id"] = e.Id,
                    ["title"] = e.Title,
                    ["year"] = e.Date.Iso[..4],
                    ["date_iso"] = e.Date.Iso,
                    ["date_text"] = e.Date.Text,
                    ["end_date_iso"] = e.EndDate?.Iso ?? "",
                    ["end_date_text"] = e.EndDate?.Text ?? "",
                    ["place"] = e.Place,
                    ["body"] = new TrustedHtml(e.BodyHtml),
                    ["sources"] = sources,
                    // Root-relative: it is shown in the page, and an absolute URL would load from the
                    // production host when the site is previewed elsewhere.
                    ["image"] = e.Image.Length > 0 ? c.PathFor(e.Image) : "",
                    ["image_alt"] = e.ImageAlt,
                    ["url"] = c.PathFor(timelinePath) + "#" + e.Id,
                    ["permalink"] = c.AbsoluteUrlFor(timelinePath) + "#" + e.Id,
                };
                item.IsReadOnly = true;
                events.Add(item);
                all.Add(item);
            }

            events.IsReadOnly = true;
            years.Add(new ScriptObject { ["year"] = group.First().Date.Iso[..4], ["events"] = events, IsReadOnly = true });
        }

        years.IsReadOnly = true;
        all.IsReadOnly = true;
        return new ScriptObject
        {
            ["years"] = years,
            ["events"] = all,
            ["page"] = site.TimelinePage is { } page ? Frozen(PageObject(site, page)) : null,
            IsReadOnly = true,
        };
    }
}
