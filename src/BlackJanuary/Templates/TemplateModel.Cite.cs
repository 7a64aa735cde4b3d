using BlackJanuary.Model;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

internal static partial class TemplateModel
{
    /// <summary>
    /// A citation as the templates read it (<c>page.cite</c>, <c>event.cite</c>; docs/templates.md):
    /// the visible block and the meta tags of the head. The files are the page's only: an event
    /// cites through its timeline page's.
    /// </summary>
    private static ScriptObject? CiteObject(SiteConfig c, Citation? cite, SiteLanguage language, Page? filesOf)
    {
        if (cite is null)
        {
            return null;
        }

        var files = new ScriptArray();
        if (filesOf is not null)
        {
            foreach (var (name, format, type) in CiteFormats)
            {
                files.Add(new ScriptObject { ["format"] = format, ["url"] = c.PathFor(Citation.FileOf(filesOf, name)), ["type"] = type });
            }
        }

        return new ScriptObject
        {
            ["author"] = cite.Author,
            ["title"] = cite.Title,
            ["site"] = cite.SiteTitle,
            ["language"] = cite.Language,
            ["url"] = cite.Url,
            ["published_iso"] = cite.Published?.Iso ?? "",
            ["published_text"] = cite.Published is { } published ? language.Format(published) : "",
            ["published_slashed"] = cite.Published is { } p ? Citation.Slashed(p) : "",
            ["updated_iso"] = cite.Updated?.Iso ?? "",
            ["updated_text"] = cite.Updated is { } updated ? language.Format(updated) : "",
            ["updated_slashed"] = cite.Updated is { } u ? Citation.Slashed(u) : "",
            ["files"] = files,
        };
    }

    /// <summary>
    /// The cite files in the order the block offers them: file name, the name readers know the
    /// format by, its media type. BibTeX and RIS are named as hosts send them; cite.json goes out
    /// as plain JSON, and its link names the more precise CSL-JSON type.
    /// </summary>
    private static readonly (string Name, string Format, string Type)[] CiteFormats =
    [
        (GeneratedFiles.CiteBibTeXFile, "BibTeX", ContentTypes.MediaTypeOf(GeneratedFiles.CiteBibTeXFile)),
        (GeneratedFiles.CiteRisFile, "RIS", ContentTypes.MediaTypeOf(GeneratedFiles.CiteRisFile)),
        (GeneratedFiles.CiteCslJsonFile, "CSL-JSON", "application/vnd.citationstyles.csl+json"),
    ];
}
