using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using YamlDotNet.RepresentationModel;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>Loads a content folder (site.yaml, pages/, timeline.yaml, media/) into a <see cref="Site"/>.</summary>
public static class ContentLoader
{
    public static readonly IReadOnlyList<string> PageKeys = ["title", "date", "summary", "layout", "draft", "slug", "image", "image_alt", "weight", "nav_title"];
    public static readonly IReadOnlyList<string> EventKeys = ["date", "end_date", "date_note", "title", "place", "body", "sources", "image", "image_alt", "id"];
    private static readonly string[] SourceKeys = ["title", "publisher", "date", "url", "language"];

    /// <param name="memo">Files already read in this session; only changed files are read again.</param>
    /// <param name="content">What the session's last build made of the whole folder; see <see cref="ContentMemo"/>.</param>
    public static Site? Load(string contentDir, string? baseUrlOverride, bool includeDrafts, DiagnosticBag diagnostics, FileMemo? memo = null, ContentMemo? content = null)
    {
        if (!IsContentFolder(contentDir, diagnostics))
        {
            return null;
        }

        WarnUnknownEntries(contentDir, diagnostics);
        var configFile = Path.Combine(contentDir, "site.yaml");
        var config = FileMemo.Read(memo, configFile, diagnostics, d => SiteConfigLoader.Load(configFile, baseUrlOverride, d));
        var pagesDir = Path.Combine(contentDir, "pages");
        var pages = LoadPages(pagesDir, includeDrafts, diagnostics, memo);
        var timelineFile = Path.Combine(contentDir, "timeline.yaml");
        var timeline = FileMemo.Read(memo, timelineFile, diagnostics, d => LoadTimeline(timelineFile, d))!;
        var mediaDir = Path.Combine(contentDir, "media");
        SafeFolder.RefuseLinks(mediaDir, diagnostics);
        SafeFolder.RefuseLinks(pagesDir, diagnostics);
        if (config is null)
        {
            return null;
        }

        var media = MediaFiles.Load(mediaDir, config.AllowActiveMedia, diagnostics, memo);

        if (ImagePathProblem(config.Image) is { } imageProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, config.ImageLocation, imageProblem);
        }

        var localized = Directory.Exists(pagesDir) ? Localize(pages, config, pagesDir, diagnostics, content) : pages;
        var timelines = Timelines(timeline, config, diagnostics, content);
        var navs = Navs(localized, config, content);
        var site = new Site(config, localized, timelines, navs, media);
        if (timeline.Count > 0 && site.TimelinePage is null)
        {
            diagnostics.Warning(DiagnosticCodes.TimelineNotShown, new SourceLocation(timelineFile),
                $"timeline.yaml has {timeline.Count} event(s) but no page shows them; add pages/timeline.md with 'layout: timeline'");
        }

        return site;
    }

    /// <summary>What a content folder may hold; the build reads nothing else in it (hidden entries aside).</summary>
    private static readonly IReadOnlyList<string> ContentEntries = ["site.yaml", "pages", "timeline.yaml", "media", "templates"];

    /// <summary>
    /// Warns about each entry of the content folder the build does not read: 'timeline.yml' or
    /// 'page/' would otherwise be left out of the site without a word.
    /// </summary>
    private static void WarnUnknownEntries(string contentDir, DiagnosticBag diagnostics)
    {
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(contentDir, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden }).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                if (!ContentEntries.Contains(name))
                {
                    diagnostics.Warning(DiagnosticCodes.UnknownContentEntry, new SourceLocation(entry),
                        $"the build does not read '{name}', so nothing of it is published; a content folder holds {string.Join(", ", ContentEntries)}"
                        + (Suggest.Nearest(name, ContentEntries) is { } near ? $": did you mean '{near}'?" : ""));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading what the folder holds reports the same problem at the files themselves.
        }
    }

    /// <summary>
    /// Why an image value can be neither a file of this site nor an address on another one, or
    /// null. Paths on the build machine (C:\…, \\server\…, file:) and paths that climb out of
    /// the site with '..' are refused at the value, so that nothing later tries to find them.
    /// </summary>
    internal static string? ImagePathProblem(string image)
    {
        // Percent escapes are decoded first, as links are: '%2e%2e/' is '../' to a browser.
        var decoded = Uri.UnescapeDataString(image);
        if (decoded.Any(char.IsControl))
        {
            return $"image '{image}' contains the control character U+{(int)decoded.First(char.IsControl):X4}; write the path of a file in content/media/, like media/photo.jpg";
        }

        if ((decoded.Length >= 2 && char.IsAsciiLetter(decoded[0]) && decoded[1] == ':')
            || decoded.StartsWith(@"\\", StringComparison.Ordinal) || decoded.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return $"image '{image}' is a path on the build machine, not in the site; put the file in content/media/ and write media/…";
        }

        if (Urls.IsExternal(image))
        {
            return null;
        }

        if (decoded.Contains('\\', StringComparison.Ordinal))
        {
            return $"image '{image}' contains '\\'; site paths are written with '/', like media/photo.jpg";
        }

        var depth = 0;
        foreach (var segment in decoded.Split('?', '#')[0].Split('/').Where(s => s is not ("" or ".")))
        {
            depth += segment == ".." ? -1 : 1;
            if (depth < 0)
            {
                return $"image '{image}' leads outside the site with '..'; write the path from the site's root, like media/photo.jpg";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="contentDir"/> is a real folder; reports why not.</summary>
    internal static bool IsContentFolder(string contentDir, DiagnosticBag diagnostics)
    {
        if (SafeFolder.FileInstead(contentDir, diagnostics))
        {
            return false;
        }

        if (!Directory.Exists(contentDir))
        {
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(contentDir),
                "content folder not found; pass --content DIR or run from the folder that holds content/");
            return false;
        }

        return SafeFolder.IsReal(contentDir, diagnostics);
    }

    private static List<Page> LoadPages(string pagesDir, bool includeDrafts, DiagnosticBag diagnostics, FileMemo? memo)
    {
        var pages = new List<Page>();
        if (SafeFolder.FileInstead(pagesDir, diagnostics))
        {
            return pages;
        }

        if (!Directory.Exists(pagesDir))
        {
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(pagesDir),
                "pages folder not found; create content/pages/ with at least index.md for the home page");
            return pages;
        }

        var files = FileMemo.Files(memo, pagesDir, "*.md", diagnostics);
        WarnNotPages(FileMemo.Files(memo, pagesDir, "*", diagnostics), files, diagnostics);
        // Reading and parsing front matter is most of a large site's loading; files are independent.
        // A draft left out is null, as a page that could not be read is.
        var read = FileMemo.ReadAll(memo, files, diagnostics,
            (file, d) => LoadPage(pagesDir, file, d) is { } page && (includeDrafts || !page.Draft) ? page : null);
        // Usually every page is there: the list is copied whole, its pages unread.
        return read.Contains(null) ? [.. read.OfType<Page>()] : new List<Page>(read!);
    }

    /// <summary>
    /// Warns about each file in pages/ that is not a page ('about.markdown', 'about.MD' where
    /// names are case-sensitive), which would otherwise be left out of the site without a word.
    /// </summary>
    private static void WarnNotPages(IReadOnlyList<string> all, IReadOnlyList<string> pages, DiagnosticBag diagnostics)
    {
        if (all.Count == pages.Count)
        {
            return;
        }

        foreach (var file in all.Except(pages, StringComparer.Ordinal))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownContentEntry, new SourceLocation(file),
                $"only files ending in '.md' in pages/ are pages, so '{Path.GetFileName(file)}' is not published; rename it to end in '.md', or move it to media/ if the site should publish it as it is");
        }
    }

    private static Page? LoadPage(string pagesDir, string file, DiagnosticBag diagnostics)
    {
        var text = TextFile.Read(file, diagnostics);
        var parts = text is null ? null : FrontMatter.Split(text, file, diagnostics);
        if (parts is null)
        {
            return null;
        }

        var root = Reading.YamlDocument.Parse(parts.Yaml, file, parts.YamlFirstLine, diagnostics);
        var fields = root is null ? null : YamlFields.Of(root, file, parts.YamlFirstLine, diagnostics, "the front matter");
        if (fields is null)
        {
            return null;
        }

        // Every field is read before any early return, so that one build reports all problems.
        var title = fields.Text("title", required: true);
        var date = fields.Date("date", dayRequired: true);
        var slug = fields.Text("slug");
        var weight = fields.Number("weight");
        var draft = fields.Bool("draft") ?? false;
        var summary = fields.Text("summary") ?? "";
        var layout = fields.Text("layout");
        var image = fields.Text("image") ?? "";
        var imageAlt = fields.Text("image_alt") ?? "";
        var navTitle = fields.Text("nav_title") ?? "";
        fields.WarnUnknownKeys(PageKeys);
        if (layout is not null && !IsLayoutName(layout))
        {
            // The layout names a template file, so a path here ('../../x') must never reach the theme lookup.
            diagnostics.Error(DiagnosticCodes.UnsafePath, fields.ValueLocationOf("layout"),
                $"layout '{layout}' must be the name of a layout in the theme's layouts/ folder, without '.html': letters, digits, '-' and '_' only, like '{LayoutNameFrom(layout)}'");
            layout = null;
        }

        if (ImagePathProblem(image) is { } imageProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, fields.ValueLocationOf("image"), imageProblem);
            image = "";
        }

        var (relative, languageInName) = SplitLanguage(Path.GetRelativePath(pagesDir, file).Replace('\\', '/')[..^3]);
        var segments = relative.Split('/');
        var isIndex = segments[^1] == "index";
        var is404 = relative == "404";
        if (slug is not null && !Slug.IsValid(slug))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, fields.ValueLocationOf("slug"),
                $"slug '{slug}' must be lower-case letters, digits and single hyphens, like '{Slug.From(slug)}'");
            slug = null;
        }

        if (slug is not null && Slug.LengthProblem(slug) is { } tooLong)
        {
            diagnostics.Error(DiagnosticCodes.SlugTooLong, fields.ValueLocationOf("slug"), $"slug {tooLong}; shorten it");
            slug = null;
        }

        var folders = segments[..^1].Select(Slug.From).ToArray();
        var last = slug ?? (isIndex ? "" : Slug.From(segments[^1]));
        foreach (var segment in folders.Append(last))
        {
            if (Slug.LengthProblem(segment) is { } fromName)
            {
                diagnostics.Error(DiagnosticCodes.SlugTooLong, new SourceLocation(file),
                    $"the file's path gives the slug {fromName}; shorten the name of the file or folder, or give the page a shorter 'slug'");
            }
        }

        var path = is404 ? Page.NotFoundPath : string.Concat(folders.Append(last).Where(s => s.Length > 0).Select(s => s + "/"));
        if (title is null)
        {
            return null;
        }

        return new Page(
            SourcePath: file,
            Title: title,
            TitleLocation: fields.ValueLocationOf("title"),
            Date: date,
            Summary: summary,
            Layout: layout ?? (is404 ? "404" : path.Length == 0 ? "home" : "page"),
            LayoutLocation: fields.ValueLocationOf("layout"),
            Draft: draft,
            Path: path,
            PathLocation: slug is null || is404 ? new SourceLocation(file) : fields.ValueLocationOf("slug"),
            Image: image,
            ImageLocation: fields.ValueLocationOf("image"),
            ImageAlt: imageAlt,
            Weight: weight,
            NavTitle: navTitle,
            Markdown: parts.Body,
            BodyLocation: new SourceLocation(file, parts.BodyFirstLine, 1))
        {
            TranslationKey = relative,
            LanguageInName = languageInName,
        };
    }

    /// <summary>"about.ru" → ("about", "ru"): a translation's file names its language before ".md".</summary>
    private static (string Stem, string? Language) SplitLanguage(string relative)
    {
        var dot = relative.LastIndexOf('.');
        return dot > relative.LastIndexOf('/') + 1 && LanguageCode.IsValid(relative[(dot + 1)..])
            ? (relative[..dot], relative[(dot + 1)..])
            : (relative, null);
    }

    /// <summary>
    /// The page as loaded (kept by the session's file memo) → the page in its URL tree: the same
    /// object from build to build while nothing changed, so that later stages see that at a glance.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Page, Page> LocalizedPages = new();

    /// <summary>
    /// Gives each page its language and puts it in that language's URL tree ("ru/about/"), then
    /// checks what only the whole site shows: two pages at one URL, a language without a home page.
    /// </summary>
    private static List<Page> Localize(List<Page> loaded, SiteConfig config, string pagesDir, DiagnosticBag diagnostics, ContentMemo? memo)
    {
        if (LocalizeByPlace(loaded, config, memo) is { } known)
        {
            return known;
        }

        var own = new DiagnosticBag();
        var pages = Localize(loaded, config, pagesDir, own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        memo?.Pages = reported.Count == 0 ? (config, loaded, pages) : null;
        return pages;
    }

    /// <summary>
    /// The pages of the last build by place, each changed one put in its URL tree again, when the
    /// last build found nothing wrong and every page keeps its URL and language: then the checks
    /// across pages find nothing this time either. Null when they must run.
    /// </summary>
    private static List<Page>? LocalizeByPlace(List<Page> loaded, SiteConfig config, ContentMemo? memo)
    {
        if (memo?.Pages is not { } last || !ReferenceEquals(last.Config, config) || last.Loaded.Count != loaded.Count)
        {
            return null;
        }

        var pages = new List<Page>(last.Localized.Count);
        for (var i = 0; i < loaded.Count; i++)
        {
            var (page, before) = (loaded[i], last.Localized[i]);
            if (ReferenceEquals(page, last.Loaded[i]))
            {
                pages.Add(before);
                continue;
            }

            var language = page.LanguageInName ?? config.Language;
            if (!string.Equals(language, before.Language, StringComparison.Ordinal) || !string.Equals(LocalizedPath(page, language, config), before.Path, StringComparison.Ordinal))
            {
                return null;
            }

            pages.Add(page with { Path = before.Path, Language = before.Language });
        }

        // The built-in 404 page, when the site has none of its own.
        pages.AddRange(last.Localized.Skip(loaded.Count));
        memo.Pages = (config, loaded, pages);
        return pages;
    }

    /// <summary>The main navigation of each language: listed in site.yaml, else the pages with a weight, in their order.</summary>
    private static Dictionary<string, IReadOnlyList<NavItem>> Navs(List<Page> pages, SiteConfig config, ContentMemo? memo)
    {
        // The last build's, when every page that changed has the same place in the navigation as before.
        if (memo?.Navs is { } last && ReferenceEquals(last.Config, config) && last.Pages.Count == pages.Count
            && Enumerable.Range(0, pages.Count).All(i => ReferenceEquals(pages[i], last.Pages[i]) || SameInNav(pages[i], last.Pages[i])))
        {
            memo.Navs = (config, pages, last.Navs);
            return last.Navs;
        }

        var navs = config.Languages.ToDictionary(l => l.Code, l => l.Nav ?? pages
            .Where(p => p.Weight is not null && p.Language == l.Code)
            .OrderBy(p => p.Weight)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => new NavItem(p.NavTitle.Length > 0 ? p.NavTitle : p.Title, p.Path))
            .ToList() as IReadOnlyList<NavItem>);
        memo?.Navs = (config, pages, navs);
        return navs;
    }

    private static bool SameInNav(Page a, Page b) =>
        a.Weight == b.Weight && (a.Weight is null || (a.Title == b.Title && a.NavTitle == b.NavTitle && a.Path == b.Path && a.Language == b.Language));

    /// <summary>
    /// The events as each language shows them, with the language codes of their texts checked;
    /// the very same lists as at the last build while timeline.yaml and site.yaml are unchanged,
    /// so that later stages see at a glance that no event changed.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<TimelineEvent>> Timelines(List<TimelineEvent> timeline, SiteConfig config, DiagnosticBag diagnostics, ContentMemo? memo)
    {
        if (memo?.Timelines is { } last && ReferenceEquals(last.Config, config) && ReferenceEquals(last.Loaded, timeline))
        {
            diagnostics.AddRange(last.Diagnostics);
            return last.Timelines;
        }

        var own = new DiagnosticBag();
        CheckEventLanguages(timeline, config, own);
        var timelines = config.Languages.ToDictionary(l => l.Code, l => (IReadOnlyList<TimelineEvent>)timeline.Select(e => e.In(l.Code, config.Language)).ToList());
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        memo?.Timelines = (config, timeline, timelines, reported);
        return timelines;
    }

    /// <summary>Hosts look for /404.html: the default language's stays there, in every layout of URLs.</summary>
    private static string LocalizedPath(Page page, string language, SiteConfig config) =>
        (page.IsNotFound && language == config.Language ? "" : config.PrefixOf(language)) + page.Path;

    private static List<Page> Localize(List<Page> loaded, SiteConfig config, string pagesDir, DiagnosticBag diagnostics)
    {
        var pages = new List<Page>();
        foreach (var page in loaded)
        {
            var language = page.LanguageInName ?? config.Language;
            if (config.Languages.All(l => l.Code != language))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(page.SourcePath),
                    $"the file name ends in '.{language}', which is not a language of the site ({string.Join(", ", config.Languages.Select(l => l.Code))}); "
                    + $"add '{language}' to 'languages' in site.yaml, or write the name with a hyphen ({Path.GetFileName(page.TranslationKey)}-{language}.md)");
                continue;
            }

            var path = LocalizedPath(page, language, config);
            var localized = LocalizedPages.TryGetValue(page, out var known) && known.Path == path && known.Language == language
                ? known
                : page with { Path = path, Language = language };
            LocalizedPages.AddOrUpdate(page, localized);
            pages.Add(localized);
        }

        foreach (var group in pages.GroupBy(p => p.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, other.PathLocation,
                    $"this page and {Path.GetFileName(first.SourcePath)} both want the URL /{other.Path}; give one of them another 'slug' or file name"
                    + (other.LanguageInName is null != first.LanguageInName is null ? $" (a file without a language code is in the default language, '{config.Language}')" : ""));
            }
        }

        pages = pages.DistinctBy(p => p.Path, StringComparer.Ordinal).ToList();
        foreach (var language in config.Languages.Where(l => !pages.Any(p => p.IsHome && p.Language == l.Code)))
        {
            var home = language.Code == config.Language ? "index.md" : $"index.{language.Code}.md";
            diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(Path.Combine(pagesDir, home)),
                config.IsMultilingual
                    ? $"the site has no home page in {language.Name} ('{language.Code}'); create pages/{home} (or make it not a draft)"
                    : "the site has no home page; create pages/index.md (or make it not a draft)");
        }

        if (!pages.Any(p => p.IsNotFound && p.Language == config.Language))
        {
            // Hosts serve 404.html for missing URLs; a site without pages/404.md still gets one.
            var file = Path.Combine(pagesDir, "404.md");
            var at = new SourceLocation(file);
            pages.Add(new Page(file, "", at, null, "", "404", default, false, Page.NotFoundPath, at, "", at, "", null, "", "", default)
            {
                Language = config.Language,
                TranslationKey = "404",
            });
        }

        return pages;
    }

    internal static List<TimelineEvent> LoadTimeline(string file, DiagnosticBag diagnostics)
    {
        var events = new List<TimelineEvent>();
        if (SafeFolder.FolderInstead(file, diagnostics) || !File.Exists(file))
        {
            return events;
        }

        var text = TextFile.Read(file, diagnostics);
        var root = text is null ? null : Reading.YamlDocument.Parse(text, file, 1, diagnostics);
        if (root is null)
        {
            return events;
        }

        if (root is YamlMappingNode { Children.Count: 0 })
        {
            return events;
        }

        if (root is not YamlSequenceNode list)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, YamlFields.Locate(file, 1, root),
                "timeline.yaml must be a list of events, each starting with '- date: …'");
            return events;
        }

        foreach (var item in list.Children)
        {
            var e = LoadEvent(item, file, diagnostics);
            if (e is not null)
            {
                events.Add(e);
            }
        }

        foreach (var group in events.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateEventId, other.Location,
                    $"event id '{other.Id}' is already used by the event on line {first.Location.Line}; give one of them a distinct 'id' or title");
            }
        }

        // OrderBy is stable: events on the same date keep the order the editor wrote them in, and
        // an event the source gives no date stays after the dated one written before it, where
        // the editor placed it in the story; nothing suggests a date it does not have.
        var keyed = new List<(TimelineEvent Event, PartialDate? Key)>();
        var after = (PartialDate?)null;
        foreach (var e in events.DistinctBy(e => e.Id, StringComparer.Ordinal))
        {
            after = e.Date ?? after;
            keyed.Add((e, after));
        }

        return keyed.OrderBy(k => k.Key).Select(k => k.Event).ToList();
    }

    private static TimelineEvent? LoadEvent(YamlNode node, string file, DiagnosticBag diagnostics)
    {
        var fields = YamlFields.Of(node, file, 1, diagnostics, "a timeline event");
        if (fields is null)
        {
            return null;
        }

        var date = fields.Date("date");
        var endDate = fields.Date("end_date");
        var dateNote = fields.Localized("date_note") ?? NoText;
        var title = fields.Localized("title", required: true);
        var id = fields.Text("id");
        var place = fields.Localized("place") ?? NoText;
        var body = fields.Localized("body") ?? NoText;
        var image = fields.Text("image") ?? "";
        var imageAlt = fields.Text("image_alt") ?? "";
        if (ImagePathProblem(image) is { } imageProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, fields.ValueLocationOf("image"), imageProblem);
            image = "";
        }
        else if (Urls.IsExternal(image))
        {
            diagnostics.Error(DiagnosticCodes.ThirdPartyImage, fields.ValueLocationOf("image"),
                $"image '{image}' is on another site; put the file in content/media/ and write 'media/…' (the site loads nothing from elsewhere)");
            image = "";
        }

        var sources = new List<Source>();
        foreach (var item in fields.List("sources"))
        {
            var source = YamlFields.Of(item, file, 1, diagnostics, "a source");
            var sourceTitle = source?.Text("title", required: true);
            var url = source?.Text("url") ?? "";
            var publisher = source?.Text("publisher") ?? "";
            var sourceLanguage = source?.Text("language") ?? "";
            source?.WarnUnknownKeys(SourceKeys);
            if (source is not null && sourceLanguage.Length > 0 && !LanguageCode.IsValid(sourceLanguage))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, source.ValueLocationOf("language"),
                    $"source language '{sourceLanguage}' is not a language code; write the code of the language the title is in, such as en, az or ru");
                sourceLanguage = "";
            }

            var published = source?.Date("date");
            if (source is not null && url.Length > 0 && !IsHttpUrl(url))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, source.ValueLocationOf("url"),
                    $"source url '{url}' must be an absolute http(s) address such as https://example.org/article");
            }
            else if (sourceTitle is not null)
            {
                sources.Add(new Source(sourceTitle, url, sourceLanguage) { Publisher = publisher, Date = published });
            }
        }

        fields.WarnUnknownKeys(EventKeys);
        var valid = title is not null && (date is not null || (!fields.Has("date") && dateNote.Count > 0));
        if (!fields.Has("date") && dateNote.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, fields.Location,
                "a timeline event has no 'date'; add 'date: YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as precisely as the source gives it, or, when the source gives no date, a 'date_note' that says so");
        }

        if (date is null && endDate is not null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("end_date"),
                "end_date needs a date to start from; give the event a 'date', or remove 'end_date' and say in 'date_note' what the source tells of its time");
            valid = false;
        }

        if (id is not null && !Slug.IsValid(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, fields.ValueLocationOf("id"),
                $"event id '{id}' must be lower-case letters, digits and single hyphens, like '{Slug.From(id)}'");
            valid = false;
        }

        // "1990-01-19 to 1990-01" is a span to the end of January; "1990 to 1990-06" ends inside its own start.
        if (date is not null && endDate is not null && endDate.End <= date.End)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("end_date"),
                $"end_date {endDate} does not end after date {date}; an event's span must end after it starts");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        // The first title written names the event when it has no id: the same in every language.
        var texts = title!.Keys.Concat(place.Keys).Concat(body.Keys).Concat(dateNote.Keys).Distinct()
            .ToDictionary(code => code, code => new EventText(title.GetValueOrDefault(code), place.GetValueOrDefault(code), body.GetValueOrDefault(code), dateNote.GetValueOrDefault(code)));
        return new TimelineEvent(
            Id: id ?? DerivedEventId(date, title.Values.First()),
            Date: date,
            EndDate: endDate,
            Title: title.Values.First(),
            Place: "",
            BodyMarkdown: "",
            Sources: sources,
            Image: image,
            ImageAlt: imageAlt,
            Location: fields.Location)
        {
            ImageLocation = fields.ValueLocationOf("image"),
            Texts = texts,
        };
    }

    private static readonly IReadOnlyDictionary<string, string> NoText = new Dictionary<string, string>();

    /// <summary>Per-language texts of events may only use the site's languages: another code is a typo or a missing language.</summary>
    private static void CheckEventLanguages(IReadOnlyList<TimelineEvent> timeline, SiteConfig config, DiagnosticBag diagnostics)
    {
        foreach (var e in timeline)
        {
            foreach (var code in e.Texts.Keys.Where(c => c.Length > 0 && config.Languages.All(l => l.Code != c)))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, e.Location,
                    $"the event has a text in '{code}', which is not a language of the site ({string.Join(", ", config.Languages.Select(l => l.Code))}); "
                    + (Suggest.Nearest(code, config.Languages.Select(l => l.Code).ToList()) is { } near ? $"did you mean '{near}'?" : "add it to 'languages' in site.yaml"));
            }
        }
    }

    /// <summary>The id of an event without an 'id' key: "1990-01-20-soviet-troops-enter-baku", or the title's slug alone for an event without a date.</summary>
    internal static string DerivedEventId(PartialDate? date, string title) => date is null ? Slug.From(title) : $"{date.Iso}-{Slug.From(title)}";

    private static bool IsLayoutName(string layout) =>
        layout.Length > 0 && layout.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The layout an editor probably meant: "layouts/page.html" and "../../page" → "page".</summary>
    private static string LayoutNameFrom(string layout)
    {
        var name = layout.Split('/', '\\')[^1];
        name = new string((name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return name.Length > 0 ? name : "page";
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
