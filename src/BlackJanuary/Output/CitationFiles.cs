using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// What reference managers import (docs/output.md): beside each cited page its citation as
/// CSL-JSON, BibTeX (biblatex) and RIS, and at the site root CITATION.cff for the memorial as a
/// whole. Made from <see cref="Citation"/>, as the page's visible block and meta tags are; pages
/// kept out of the site (drafts, hidden people) never reach the <see cref="Site"/>, so they have none.
/// </summary>
public static class CitationFiles
{
    public static IEnumerable<(string Path, string Text)> All(Site site)
    {
        var c = site.Config;
        foreach (var page in site.Pages)
        {
            // A page whose address no host can store is reported once, at the page: its files would repeat the name.
            if (Citation.Of(c, page) is not { } cite || OutputNames.Problem(page.OutputFile) is not null)
            {
                continue;
            }

            var key = KeyOf(c, page);
            yield return (Citation.FileOf(page, GeneratedFiles.CiteCslJsonFile), CslJson(cite, key));
            yield return (Citation.FileOf(page, GeneratedFiles.CiteBibTeXFile), BibTeX(cite, key));
            yield return (Citation.FileOf(page, GeneratedFiles.CiteRisFile), Ris(cite));
        }

        yield return (GeneratedFiles.CitationCffFile, Cff(site));
    }

    /// <summary>
    /// The entry's key in a reader's library (CSL id, BibTeX key): the site's host and the page's
    /// percent-encoded path in ASCII letters, digits and hyphens, which every BibTeX tool accepts, so
    /// that the pages of two memorials do not share one ("example-org-about", "example-org-s-c9-99h-c9-99r"
    /// for səhər/).
    /// </summary>
    private static string KeyOf(SiteConfig c, Page page)
    {
        var sb = new StringBuilder();
        foreach (var ch in (c.BaseUrl.Host + c.PathFor(page.Path)).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    /// <summary>CSL-JSON (the citation-style-language schema's csl-data.json): a list of one item, its author the site as an institution. No 'accessed': that is the reader's.</summary>
    public static string CslJson(Citation cite, string id) => PeopleData.Written(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("type", "webpage");
        w.WriteString("title", cite.Title);
        w.WriteString("container-title", cite.SiteTitle);
        w.WriteStartArray("author");
        w.WriteStartObject();
        w.WriteString("literal", cite.Author);
        w.WriteEndObject();
        w.WriteEndArray();
        if (cite.Published is { } published)
        {
            w.WriteStartObject("issued");
            w.WriteStartArray("date-parts");
            w.WriteStartArray();
            w.WriteNumberValue(published.Year);
            if (published.Precision >= DatePrecision.Month)
            {
                w.WriteNumberValue(published.Month);
            }

            if (published.Precision == DatePrecision.Day)
            {
                w.WriteNumberValue(published.Day);
            }

            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteString("URL", cite.Url);
        w.WriteString("language", cite.Language);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>
    /// A biblatex @online entry in UTF-8: the author in double braces, as an institution's name is
    /// written so that no tool splits it into first and last names; the site as its organization
    /// when it is not the author already; TeX's special characters escaped in every text.
    /// </summary>
    public static string BibTeX(Citation cite, string key)
    {
        var sb = new StringBuilder();
        sb.Append("@online{").Append(key).Append(",\n");
        Field(sb, "author", "{" + TeX(cite.Author) + "}");
        Field(sb, "title", TeX(cite.Title));
        if (cite.SiteTitle != cite.Author)
        {
            Field(sb, "organization", TeX(cite.SiteTitle));
        }

        if (cite.Published is { } published)
        {
            Field(sb, "date", published.Iso);
        }

        // Verbatim in biblatex; a permalink is percent-encoded, so it holds no brace or space.
        Field(sb, "url", cite.Url);
        if (LangId(cite.Language) is { } langid)
        {
            Field(sb, "langid", langid);
        }

        return sb.Append("}\n").ToString();
    }

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>The characters TeX reads as commands, each written so that it prints as itself; a line break becomes a space.</summary>
    public static string TeX(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '$' or '&' or '#' or '_' or '%' => "\\" + ch,
                // Not \^{} and \~{}: those are accents, which some readers put on the next letter.
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '\r' or '\n' => " ",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>biblatex's langid, a babel language name ("english", "russian", "azerbaijani"): the language's English name, when .NET knows one.</summary>
    private static string? LangId(string code)
    {
        var name = CultureInfo.GetCultureInfo(code).EnglishName;
        return name.All(char.IsAsciiLetter) ? name.ToLowerInvariant() : null;
    }

    /// <summary>RIS, lines ending in CRLF as the format's specification writes them; a date as precise as it is known ("2024/01//").</summary>
    public static string Ris(Citation cite)
    {
        var sb = new StringBuilder();
        void Tag(string tag, string value) => sb.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        Tag("TY", "ELEC");
        Tag("AU", cite.Author);
        Tag("TI", cite.Title);
        if (cite.SiteTitle != cite.Author)
        {
            Tag("T2", cite.SiteTitle);
        }

        if (cite.Published is { } published)
        {
            Tag("PY", Citation.YearOf(published));
            var parts = Citation.Slashed(published).Split('/');
            Tag("DA", string.Join('/', parts.Concat(Enumerable.Repeat("", 4 - parts.Length))));
        }

        Tag("UR", cite.Url);
        Tag("LA", cite.Language);
        sb.Append("ER  - \r\n");
        return sb.ToString();
    }

    /// <summary>
    /// CITATION.cff (Citation File Format 1.2.0) for the memorial as a whole, in the default
    /// language. Its date-released is the newest 'date' or 'updated' of any page, not the build's
    /// day, so that the same content gives the same file; a site with no dated page gives none.
    /// </summary>
    public static string Cff(Site site)
    {
        var c = site.Config;
        var newest = site.Pages.Select(p => p.Updated ?? p.Date).OfType<PartialDate>().DefaultIfEmpty().Max();
        var sb = new StringBuilder();
        sb.Append("# How to cite this memorial (https://citation-file-format.github.io/).\n");
        sb.Append("cff-version: 1.2.0\n");
        sb.Append("message: ").Append(Quoted("If you refer to this memorial, please cite it as below.")).Append('\n');
        sb.Append("title: ").Append(Quoted(c.DefaultLanguage.Title)).Append('\n');
        sb.Append("authors:\n  - name: ").Append(Quoted(c.Author)).Append('\n');
        sb.Append("url: ").Append(Quoted(c.AbsoluteUrlFor(c.PrefixOf(c.Language)))).Append('\n');
        if (newest is not null)
        {
            sb.Append("date-released: ").Append(Quoted(newest.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar: JSON's escapes are YAML's, so a JSON string is one.</summary>
    private static string Quoted(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
