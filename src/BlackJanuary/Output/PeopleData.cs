using System.Globalization;
using System.Text;
using System.Text.Json;
using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// The register's published records as data for reuse, as CollectionBuilder publishes its
/// collections: people.csv and people.json at the site root, one file for every language (a
/// column per language for names and places), and datapackage.json describing both (Frictionless
/// Data Package). They hold what the pages show and nothing more: records kept out of the site never
/// reach the <see cref="Site"/>, and withheld fields are empty in it.
/// </summary>
public static class PeopleData
{
    /// <summary>A column of the data: its name, its Frictionless type, what it says, and its value for a person.</summary>
    private sealed record Column(string Name, string Type, string Description, Func<Person, string> Value);

    private static List<Column> Columns(SiteConfig c)
    {
        var others = c.Languages.Where(l => l.Code != c.Language).ToList();
        string Date(PartialDate? d) => d?.Iso ?? "";
        return
        [
            new("id", "string", "The person's id, which is their address in the register", p => p.Id),
            new("url", "string", "The person's page in the default language", p => c.AbsoluteUrlFor(RegisterPath(c) + p.Id + "/")),
            new("name", "string", $"The name as written in the default language ({c.Language})", p => p.Name),
            .. others.Select(l => new Column($"names.{l.Code}", "string", $"The name as written in {l.Name} ({l.Code})", p => p.Names.GetValueOrDefault(l.Code) ?? "")),
            new("family_name", "string", "The family name", p => Person.TextIn(p.FamilyName, c.Language, c.Language)),
            new("given_name", "string", "The given name", p => Person.TextIn(p.GivenName, c.Language, c.Language)),
            .. others.Select(l => new Column($"family_name.{l.Code}", "string", $"The family name as written in {l.Name}", p => p.FamilyName.GetValueOrDefault(l.Code) ?? "")),
            new("also_known_as", "string", "Other spellings, separated by ';'", p => string.Join("; ", p.AlsoKnownAs)),
            new("born", "string", "Date of birth, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD", p => Date(p.Born)),
            new("died", "string", "Date of death, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD", p => Date(p.Died)),
            new("age", "string", "Age at death in years, as the source gives it", p => p.Age?.ToString(CultureInfo.InvariantCulture) ?? ""),
            .. c.Languages.Select(l => new Column(l.Code == c.Language ? "place" : $"place.{l.Code}", "string", $"Place of death in {l.Name}", p => Person.TextIn(p.Place, l.Code, c.Language))),
            new("residence", "string", $"Residence in {c.DefaultLanguage.Name}", p => Person.TextIn(p.Residence, c.Language, c.Language)),
            new("occupation", "string", $"Occupation in {c.DefaultLanguage.Name}", p => Person.TextIn(p.Occupation, c.Language, c.Language)),
            new("photo", "string", "The photo's address in the site", p => p.Photo.Length > 0 ? c.AbsoluteUrlFor(p.Photo) : ""),
            new("photo_credit", "string", "Who the photo is credited to", p => p.PhotoCredit),
            new("events", "string", "Ids of the timeline's events the person belongs to, separated by ';'", p => string.Join("; ", p.Events)),
            new("source", "string", "The first source's title (people.json has every source)", p => p.Sources.Count > 0 ? p.Sources[0].Title : ""),
            new("source_url", "string", "The first source's address", p => p.Sources.Count > 0 ? p.Sources[0].Url : ""),
            new("source_archived", "string", "The address of an archived copy of the first source", p => p.Sources.Count > 0 ? p.Sources[0].Archived : ""),
            new("source_accessed", "string", "The day the first source was read: YYYY-MM-DD", p => p.Sources.Count > 0 ? Date(p.Sources[0].Accessed) : ""),
        ];
    }

    private static string RegisterPath(SiteConfig c) => c.PrefixOf(c.Language) + "people/";

    /// <summary>The three files, by path; none for a site without a register.</summary>
    public static IEnumerable<(string Path, string Text)> Files(Site site)
    {
        if (!site.HasRegister)
        {
            return [];
        }

        var columns = Columns(site.Config);
        return
        [
            (GeneratedFiles.PeopleCsvFile, Csv(site, columns)),
            (GeneratedFiles.PeopleJsonFile, JsonOf(site, columns)),
            (GeneratedFiles.DataPackageFile, DataPackage(site, columns)),
        ];
    }

    private static string Csv(Site site, List<Column> columns)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(c => Quoted(c.Name))).Append("\r\n");
        foreach (var person in site.People)
        {
            sb.AppendJoin(',', columns.Select(c => Quoted(c.Value(person)))).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>Written with a writer, not a serializer: the command line is compiled ahead of time, where reflection is not at hand.</summary>
    internal static string Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string JsonOf(Site site, List<Column> columns) => Written(w =>
    {
        w.WriteStartArray();
        foreach (var person in site.People)
        {
            w.WriteStartObject();
            // The 'source…' columns flatten the first source for a spreadsheet; the JSON has them all.
            foreach (var column in columns.Where(c => !c.Name.StartsWith("source", StringComparison.Ordinal)))
            {
                if (column.Value(person) is { Length: > 0 } value)
                {
                    w.WriteString(column.Name, value);
                }
            }

            if (person.Sources.Count > 0)
            {
                w.WriteStartArray("sources");
                foreach (var source in person.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("title", source.Title);
                    foreach (var (name, value) in new[] { ("url", source.Url), ("publisher", source.Publisher), ("date", source.Date?.Iso ?? ""), ("language", source.Language), ("archived", source.Archived), ("accessed", source.Accessed?.Iso ?? "") })
                    {
                        if (value.Length > 0)
                        {
                            w.WriteString(name, value);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string DataPackage(Site site, List<Column> columns) => Written(w =>
    {
        var c = site.Config;
        w.WriteStartObject();
        w.WriteString("profile", "data-package");
        w.WriteString("name", "people");
        w.WriteString("title", c.DefaultLanguage.Title.Length > 0 ? c.DefaultLanguage.Title : c.Title);
        w.WriteString("homepage", c.AbsoluteUrlFor(RegisterPath(c)));
        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("name", "people");
        w.WriteString("path", GeneratedFiles.PeopleCsvFile);
        w.WriteString("profile", "tabular-data-resource");
        w.WriteString("format", "csv");
        w.WriteString("mediatype", "text/csv");
        w.WriteString("encoding", "utf-8");
        w.WriteStartObject("schema");
        w.WriteStartArray("fields");
        foreach (var column in columns)
        {
            w.WriteStartObject();
            w.WriteString("name", column.Name);
            w.WriteString("type", column.Type);
            w.WriteString("description", column.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("primaryKey", "id");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("name", "people-json");
        w.WriteString("path", GeneratedFiles.PeopleJsonFile);
        w.WriteString("format", "json");
        w.WriteString("mediatype", "application/json");
        w.WriteString("encoding", "utf-8");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
