using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using Scriban;
using Scriban.Runtime;
using BlackJanuary.Reading;

namespace BlackJanuary.Templates;

/// <summary>The functions templates call: URLs that respect a sub-path base_url, assets, JSON, dates.</summary>
internal static class TemplateFunctions
{
    /// <param name="targets">The site's pages and files; anchors are not checked in templates (their ids come from content).</param>
    public static ScriptObject Create(Site site, AssetManifest assets, UiStrings strings, LinkTargets targets)
    {
        var config = site.Config;
        var functions = new ScriptObject(16)
        {
            ["url"] = TemplateFunction.Of("path", (TemplateContext context, string path) =>
            {
                CheckPublished(context, path, targets);
                return config.PathFor(path);
            }),
            ["lang_url"] = TemplateFunction.Of("path", (TemplateContext context, string path) =>
            {
                var inLanguage = config.PrefixOf(HtmlTemplateContext.LanguageOf(context).Code) + path.TrimStart('/');
                CheckPublished(context, inLanguage, targets);
                return config.PathFor(inLanguage);
            }),
            ["find_page"] = TemplateFunction.Of("path", (TemplateContext context, string path) =>
            {
                // The page in the language of the page being rendered, else the one at the path as given.
                var reads = HtmlTemplateContext.ReadsOf(context);
                var inLanguage = config.PrefixOf(HtmlTemplateContext.LanguageOf(context).Code) + path.TrimStart('/');
                var page = targets.PageAtPath(inLanguage);
                reads.Pages[inLanguage] = page;
                if (page is null && inLanguage != path)
                {
                    page = targets.PageAtPath(path);
                    reads.Pages[path] = page;
                }

                return page is null ? null : TemplateModel.PageObject(site, page);
            }),
            ["t"] = TemplateFunction.Of("key", (TemplateContext context, string key) =>
            {
                var language = HtmlTemplateContext.LanguageOf(context);
                // A string missing in one language is reported once by UiStrings.Check; one missing everywhere is the template's mistake.
                return strings.Find(key, language.Code, config.Language)
                    ?? throw new ArgumentException($"no UI string '{key}' in templates/i18n/ (looked in '{language.Code}', '{config.Language}' and 'en'); add '{key}: …' to i18n/{config.Language}.yaml");
            }),
            ["sort_text"] = TemplateFunction.Of("list", (TemplateContext context, IEnumerable items) => SortText(context, items, null)),
            ["sort_by_text"] = TemplateFunction.Of<IEnumerable, string, ScriptArray>("list", "field", SortText),
            ["abs_url"] = TemplateFunction.Of("path", (TemplateContext _, string path) => config.AbsoluteUrlFor(path)),
            ["asset"] = TemplateFunction.Of("name", (TemplateContext _, string name) => config.PathFor(AssetPath(assets, name))),
            ["abs_asset"] = TemplateFunction.Of("name", (TemplateContext _, string name) => config.AbsoluteUrlFor(AssetPath(assets, name))),
            ["json"] = TemplateFunction.Of("value", (TemplateContext _, object? value) => new TrustedHtml(Json(value))),
            ["raw"] = TemplateFunction.Of("value", (TemplateContext _, object? value) => value as TrustedHtml ?? new TrustedHtml(value?.ToString() ?? "")),
            ["format_date"] = TemplateFunction.Of("iso", (TemplateContext context, string iso) => FormatDate(iso, HtmlTemplateContext.LanguageOf(context))),
        };
        var media = site.Media.ToDictionary(m => m.OutputPath, StringComparer.Ordinal);
        functions["image"] = TemplateFunction.Of("path", "options", (TemplateContext context, string path, ScriptObject? options) =>
            new TrustedHtml(Image(context, config, media, strings, path, options ?? new ScriptObject())));
        functions["image_object"] = TemplateFunction.Of("path", (TemplateContext context, string path) =>
            media.TryGetValue(path.TrimStart('/'), out var file) ? ImageObject(config, file, HtmlTemplateContext.LanguageOf(context).Code) : null);
        functions["include"] = new IncludeFunction();
        return functions;
    }

    /// <summary>'image_object path': a schema.org ImageObject of an image of the site's media, with its credit and licence, for JSON-LD; null for any other path.</summary>
    private static ScriptObject ImageObject(SiteConfig config, MediaFile file, string language)
    {
        var image = new ScriptObject
        {
            ["@type"] = "ImageObject",
            ["contentUrl"] = config.AbsoluteUrlFor(file.OutputPath),
        };
        if (file.Raster is { } raster)
        {
            var largest = ImageVariants.Of(file, raster, config.Images).Largest;
            image["width"] = largest.Width;
            image["height"] = largest.Height;
        }

        var rights = file.Rights;
        foreach (var (key, value) in new[]
        {
            ("creditText", rights.Credit), ("copyrightNotice", rights.Credit), ("license", rights.License), ("isBasedOn", rights.Source),
            ("dateCreated", rights.Date), ("caption", rights.Caption.In(language, config.Language)),
        })
        {
            if (value.Length > 0)
            {
                image[key] = value;
            }
        }

        return image;
    }

    /// <summary>
    /// 'image path { alt, sizes, eager, caption, credit, warning, class }': an image of the site's
    /// media as the Markdown of a page shows one (<see cref="MediaMarkup"/>), a &lt;picture&gt; in a
    /// figure with its caption and credit, behind its warning; the sidecar gives what the options do not.
    /// </summary>
    private static string Image(TemplateContext context, SiteConfig config, Dictionary<string, MediaFile> media, UiStrings strings, string path, ScriptObject options)
    {
        var language = HtmlTemplateContext.LanguageOf(context).Code;
        string Option(string key) => options.TryGetValue(key, out var value) && value is not null ? value.ToString() ?? "" : "";
        if (!media.TryGetValue(path.TrimStart('/'), out var file))
        {
            // A path that names no file of media/ is the content checks' error (BJ3006), reported at the content; the page still shows what was written.
            return $"<img src=\"{System.Net.WebUtility.HtmlEncode(config.PathFor(path))}\" alt=\"{System.Net.WebUtility.HtmlEncode(Option("alt"))}\">";
        }

        var words = strings.MediaWords(language, config.Language);
        var rights = file.Rights;
        string Local(string key, LocalText fallback) => Option(key) is { Length: > 0 } given ? given : fallback.In(language, config.Language);
        var use = new MediaMarkup.ImageUse(Local("alt", rights.Alt), null, options.TryGetValue("eager", out var eager) && eager is true,
            Option("sizes") is { Length: > 0 } sizes ? sizes : config.Images.Sizes);
        var html = MediaMarkup.Figure(MediaMarkup.Image(config, file, use),
            MediaMarkup.Caption(rights, Local("caption", rights.Caption), Option("credit") is { Length: > 0 } credit ? credit : rights.Credit, words), Option("class"));
        return Local("warning", rights.ContentWarning) is { Length: > 0 } warning ? MediaMarkup.Warned(warning, html, words) : html;
    }

    /// <summary>
    /// Scriban's built-in functions, built once per build and shared read-only by every page's
    /// render, without the ones that would make output differ between identical builds.
    /// </summary>
    public static ScriptObject ReproducibleBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var (owner, name) in new[] { ("date", "now"), ("math", "random"), ("math", "uuid") })
        {
            var functions = (ScriptObject)builtins[owner]!;
            functions.Remove(name);
            functions[name] = TemplateFunction.Refused($"{owner}.{name} is not available: the same content must always build the same site");
        }

        foreach (var value in builtins.Values.OfType<ScriptObject>())
        {
            value.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>
    /// A theme's links are checked like content's: a link to a page the site does not have is an
    /// warning at the template line, not a 404 found by a visitor.
    /// </summary>
    private static void CheckPublished(TemplateContext context, string path, LinkTargets targets)
    {
        var sitePath = path.Split('#', 2)[0];
        if (targets.Resolve(null, sitePath).Problem is null)
        {
            return;
        }

        var span = context.CurrentNode?.Span ?? default;
        HtmlTemplateContext.ReadsOf(context).Diagnostics.Error(DiagnosticCodes.BrokenLink, TemplateSet.Locate(span, context.CurrentSourceFile ?? ""),
            $"broken link: the template links to /{sitePath.TrimStart('/')}, which the site does not publish; add that page, or use find_page to link only when it exists");
    }

    private static string AssetPath(AssetManifest assets, string name) =>
        assets.Find(name)?.OutputPath
        ?? throw new ArgumentException($"no asset '{name}' in templates/assets/"
            + (Suggest.Nearest(name, assets.Names) is { } near ? $"; did you mean '{near}'?" : ""));

    private static string FormatDate(string iso, SiteLanguage language) =>
        PartialDate.TryParse(iso, out var date) ? language.Format(date) : throw new ArgumentException($"'{iso}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");

    /// <summary>
    /// A list of texts, or of objects by one of their fields, in the alphabetical order of the
    /// page's language: Azerbaijani puts ç after c, ə after e and x after h; Russian sorts ё with е.
    /// </summary>
    private static ScriptArray SortText(TemplateContext context, IEnumerable items, string? field)
    {
        var compare = HtmlTemplateContext.LanguageOf(context).CultureInfo.CompareInfo;
        string TextOf(object? item) => field is null ? item?.ToString() ?? ""
            : item is ScriptObject o ? o[field]?.ToString() ?? ""
            : throw new ArgumentException($"sort_text by '{field}' needs a list of objects");
        var sorted = new ScriptArray();
        // Stable, so that equal texts keep the order they were written in.
        foreach (var item in items.Cast<object?>().OrderBy(TextOf, Comparer<string>.Create((a, b) => compare.Compare(a, b, System.Globalization.CompareOptions.None))))
        {
            sorted.Add(item);
        }

        return sorted;
    }

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Non-Latin text stays readable; '<' is escaped below so the JSON can never close its <script>.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes template values (script objects, arrays, strings, numbers) for JSON-LD.</summary>
    internal static string Json(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            Write(writer, value, depth: 0);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray())
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 32)
        {
            throw new ArgumentException("value is nested too deeply for json");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string or TrustedHtml:
                writer.WriteStringValue(value.ToString());
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or double or float or decimal:
                writer.WriteRawValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
