using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>Loads pages/: each Markdown file with its front matter into a <see cref="Page"/> at its URL in the default language.</summary>
internal static class PageLoader
{
    public static readonly IReadOnlyList<string> PageKeys = ["title", "date", "updated", "summary", "layout", "draft", "slug", "image", "image_alt", "weight", "nav_title", "tags", "extra", "content_warning", "aliases"];

    internal static List<Page> Load(string pagesDir, bool includeDrafts, DiagnosticBag diagnostics, FileMemo? memo)
    {
        var pages = new List<Page>();
        if (!SafeFolder.Required(pagesDir, isFolder: true, "pages folder not found; create content/pages/ with at least index.md for the home page", diagnostics))
        {
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
        var updated = fields.Date("updated", dayRequired: true);
        if (date is not null && updated is not null && updated < date)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("updated"),
                $"updated {updated} is before date {date}; a page is updated after it is published, so give 'updated' a later day or remove it");
            updated = null;
        }

        var slug = fields.Text("slug");
        var weight = fields.Number("weight");
        var draft = fields.Bool("draft") ?? false;
        var summary = fields.Text("summary") ?? "";
        var layout = fields.Text("layout");
        var image = fields.Text("image") ?? "";
        var imageAlt = fields.Text("image_alt") ?? "";
        var navTitle = fields.Text("nav_title") ?? "";
        var tags = fields.Texts("tags");
        var contentWarning = fields.Text("content_warning") ?? "";
        var extra = fields.Data("extra");
        var aliases = Aliases.Read(fields.LocatedTexts("aliases"), diagnostics);
        fields.WarnUnknownKeys(PageKeys);
        if (layout is not null && !IsLayoutName(layout))
        {
            // The layout names a template file, so a path here ('../../x') must never reach the theme lookup.
            diagnostics.Error(DiagnosticCodes.UnsafePath, fields.ValueLocationOf("layout"),
                $"layout '{layout}' must be the name of a layout in the theme's layouts/ folder, without '.html': letters, digits, '-' and '_' only, like '{LayoutNameFrom(layout)}'");
            layout = null;
        }

        if (ImagePath.Problem(image) is { } imageProblem)
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
            Layout: layout ?? (is404 ? "404" : path.Length == 0 ? "home" : relative == Page.RegisterKey ? "people" : relative == Page.SearchKey ? Page.SearchKey : "page"),
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
            Updated = updated,
            TranslationKey = relative,
            LanguageInName = languageInName,
            Tags = tags,
            Extra = extra ?? Page.NoExtra,
            ContentWarning = contentWarning,
            Aliases = aliases,
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

    private static bool IsLayoutName(string layout) =>
        layout.Length > 0 && layout.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The layout an editor probably meant: "layouts/page.html" and "../../page" → "page".</summary>
    private static string LayoutNameFrom(string layout)
    {
        var name = layout.Split('/', '\\')[^1];
        name = new string((name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return name.Length > 0 ? name : "page";
    }
}
