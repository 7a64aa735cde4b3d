using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// Loads the register of names: people/&lt;id&gt;.md (a record and its biography, translated in
/// people/&lt;id&gt;.ru.md) and people.csv (one record per row). Every record is checked, published
/// or not, so that an editor learns of a bad date before the record is published.
/// </summary>
internal static class PeopleLoader
{
    public static readonly IReadOnlyList<string> PersonKeys =
    [
        "name", "names", "family_name", "given_name", "also_known_as", "born", "died", "age", "place", "residence", "occupation",
        "photo", "photo_alt", "photo_credit", "events", "sources", "tags", "extra", "publish", "embargo_until", "withhold", "content_warning", "aliases",
    ];

    /// <summary>The columns of people.csv: the keys, a map's keys as 'names.az', one source as 'source', 'source_url', 'source_archived' and 'source_accessed', the biography.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "id", .. PersonKeys.Where(k => k is not ("names" or "sources" or "extra")), "names.*", "family_name.*", "given_name.*", "place.*", "residence.*", "occupation.*", "extra.*",
        "source", "source_url", "source_archived", "source_accessed", "biography", "biography.*",
    ];

    /// <summary>The fields a record may withhold ('withhold: [photo, born]'). Its id and name stay: a record kept whole out of view has 'publish: false'.</summary>
    public static readonly IReadOnlyList<string> Withholdable =
        ["names", "family_name", "given_name", "also_known_as", "born", "died", "age", "place", "residence", "occupation", "photo", "biography", "events", "sources", "tags", "extra"];

    /// <summary>Ids the register's own pages use under people/.</summary>
    private static readonly string[] Reserved = ["page", "places", "died"];

    /// <summary>A record as written, with what decides whether and how it is published.</summary>
    /// <param name="EventsAt">Where 'events' is written, for an event the timeline does not have.</param>
    internal sealed record Record(Person Person, bool Publish, DateOnly? EmbargoUntil, IReadOnlyList<string> Withhold, SourceLocation EventsAt);

    /// <summary>What one file of people/ holds: a record, or the biography of one in another language.</summary>
    private sealed record PersonFile(Record? Record, string Id, string? Language, Biography? Biography);

    /// <summary>Every record, published or not, in the order of people.csv and then of people/'s files.</summary>
    internal static List<Record> Load(string contentDir, DiagnosticBag diagnostics, Session? session)
    {
        var memo = session?.Files;
        var records = new List<Record>();
        var csvFile = Path.Combine(contentDir, "people.csv");
        if (!SafeFolder.FolderInstead(csvFile, diagnostics) && File.Exists(csvFile))
        {
            records.AddRange(FileMemo.Read(memo, csvFile, diagnostics, d => ReadCsv(csvFile, d, session)) ?? []);
        }

        var folder = Path.Combine(contentDir, "people");
        if (!Directory.Exists(folder))
        {
            return records;
        }

        FileMemo.RefuseLinks(memo, folder, diagnostics);
        var files = FileMemo.Files(memo, folder, "*.md", diagnostics);
        var read = FileMemo.ReadAll(memo, files, diagnostics, ReadFile);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in read.OfType<PersonFile>().Where(f => f.Record is not null))
        {
            byId.TryAdd(file.Id, records.Count);
            records.Add(file.Record!);
        }

        foreach (var translation in read.OfType<PersonFile>().Where(f => f.Biography is not null))
        {
            if (!byId.TryGetValue(translation.Id, out var i))
            {
                diagnostics.Error(DiagnosticCodes.MissingInput, new SourceLocation(translation.Biography!.SourcePath),
                    $"this is a translation of the biography of '{translation.Id}', but there is no people/{translation.Id}.md; create it with the person's record, or rename this file");
                continue;
            }

            var person = records[i].Person;
            var biographies = new Dictionary<string, Biography>(person.Biographies, StringComparer.Ordinal) { [translation.Language!] = translation.Biography! };
            records[i] = records[i] with { Person = person with { Biographies = biographies } };
        }

        return records;
    }

    private static PersonFile? ReadFile(string file, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dot = name.LastIndexOf('.');
        var language = dot > 0 && LanguageCode.IsValid(name[(dot + 1)..]) ? name[(dot + 1)..] : null;
        var id = language is null ? name : name[..dot];
        var text = TextFile.Read(file, diagnostics);
        var parts = text is null ? null : FrontMatter.Split(text, file, diagnostics);
        if (parts is null)
        {
            return null;
        }

        var biography = new Biography(parts.Body, file, new SourceLocation(file, parts.BodyFirstLine, 1));
        if (language is not null)
        {
            if (parts.Yaml.Trim().Length > 0)
            {
                diagnostics.Warning(DiagnosticCodes.UnknownKey, new SourceLocation(file, 2, 1),
                    $"a translation of a biography gives only its text: its front matter is ignored; write the record's fields in people/{id}.md (the name in this language as 'names: {{{language}: …}}')");
            }

            return new PersonFile(null, id, language, biography);
        }

        var root = YamlDocument.Parse(parts.Yaml, file, parts.YamlFirstLine, diagnostics);
        var yaml = root is null ? null : YamlFields.Of(root, file, parts.YamlFirstLine, diagnostics, "the person's front matter");
        if (yaml is null)
        {
            return null;
        }

        var fields = new YamlPersonFields(yaml, file, diagnostics);
        var record = Read(fields, id, new SourceLocation(file), new Dictionary<string, Biography> { [""] = biography }, diagnostics);
        return new PersonFile(record, id, null, null);
    }

    private static List<Record> ReadCsv(string file, DiagnosticBag diagnostics, Session? session)
    {
        var text = TextFile.Read(file, diagnostics, TextFile.MaxDataBytes);
        var table = text is null ? null : CsvTable.Read(text, file, diagnostics);
        if (table is null)
        {
            return [];
        }

        table.WarnUnknownColumns(CsvColumns, diagnostics);
        if (!table.HasColumn("id") || !table.HasColumn("name"))
        {
            diagnostics.Error(DiagnosticCodes.MissingField, new SourceLocation(file, 1, 1),
                $"people.csv needs the columns 'id' and 'name' in its first row; it has: {string.Join(", ", table.Columns.Select(c => c.Name))}");
            return [];
        }

        // A row is read again only when its cells or its place changed: editing one person of
        // 100,000 reads one row, and every other record stays the very same object.
        var header = string.Join(',', table.Columns.Select(c => c.Name));
        var id = table.IndexOf("id");
        var items = table.Rows.Select(row => new RowItem(row, RowInputs.Of(row, table, header))).ToList();
        var rows = Session.Each(session, "content.people.rows", new Units<RowItem, RowInputs, Row>(
            items, header, item => item.Row[id].Text, item => item.Inputs,
            (item, d) =>
            {
                var fields = new CsvPersonFields(item.Row, table, d);
                var biographies = fields.Localized("biography").ToDictionary(b => b.Key, b => new Biography(b.Value, file, b.Key.Length == 0 ? fields.At("biography") : fields.At("biography." + b.Key)));
                return new Row(Read(fields, fields.Text("id") ?? "", fields.At("id"), biographies, d));
            }), diagnostics);
        return [.. rows.Select(r => r.Record).OfType<Record>()];
    }

    /// <summary>A row of people.csv with what its record is made of.</summary>
    private sealed record RowItem(CsvRow Row, RowInputs Inputs);

    /// <summary>A row's record; none when it was reported.</summary>
    private sealed record Row(Record? Record);

    /// <summary>A row's cells and where it starts: what its record is made of.</summary>
    /// <remarks>The header is part of it: a column renamed changes what every cell means.</remarks>
    private sealed record RowInputs(int Line, string Cells, string Header)
    {
        public static RowInputs Of(CsvRow row, CsvTable table, string header) =>
            new(row.Line, string.Join('\u001f', Enumerable.Range(0, table.Columns.Count).Select(i => row[i].Text)), header);
    }

    /// <param name="biographies">The biography by language code; "" for the default language's.</param>
    private static Record? Read(PersonFields fields, string id, SourceLocation idAt, Dictionary<string, Biography> biographies, DiagnosticBag diagnostics)
    {
        var name = fields.Text("name");
        var born = fields.Date("born");
        var died = fields.Date("died");
        var age = fields.Number("age");
        var publish = fields.Bool("publish") ?? true;
        var embargo = fields.Date("embargo_until");
        var withhold = fields.Texts("withhold");
        var photo = fields.Text("photo") ?? "";
        var person = new Person(id, name ?? "", fields.Location)
        {
            Names = fields.Localized("names"),
            FamilyName = fields.Localized("family_name"),
            GivenName = fields.Localized("given_name"),
            AlsoKnownAs = fields.Texts("also_known_as"),
            Born = born,
            Died = died,
            Age = age,
            Place = fields.Localized("place"),
            Residence = fields.Localized("residence"),
            Occupation = fields.Localized("occupation"),
            Photo = photo,
            PhotoAlt = fields.Text("photo_alt") ?? "",
            PhotoCredit = fields.Text("photo_credit") ?? "",
            PhotoLocation = fields.At("photo"),
            Events = fields.Texts("events"),
            Sources = fields.Sources(),
            Aliases = Aliases.Read([.. fields.Texts("aliases").Select(t => (t, fields.At("aliases")))], diagnostics),
            Tags = fields.Texts("tags"),
            ContentWarning = fields.Localized("content_warning"),
            Extra = fields.Extra() ?? Page.NoExtra,
            Biographies = biographies.Where(b => b.Value.Markdown.Trim().Length > 0).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal),
        };
        fields.WarnUnknown(PersonKeys);
        var valid = true;
        if (name is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, fields.Location, "the person has no 'name'; write the name as the default language writes it (other scripts go in 'names')");
            valid = false;
        }

        if (!Slug.IsValid(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, idAt,
                $"the person's id '{id}' is their address (/people/{id}/) and must be lower-case letters, digits and single hyphens, like '{Slug.From(id)}'");
            valid = false;
        }
        else if (Reserved.Contains(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug, idAt, $"the id '{id}' is taken by the register's own pages (/people/{id}/…); give the person another id");
            valid = false;
        }

        valid &= CheckDates(fields, born, died, age, diagnostics);
        if (fields.Has("embargo_until") && embargo is { Precision: not DatePrecision.Day })
        {
            diagnostics.Error(DiagnosticCodes.InvalidDate, fields.At("embargo_until"), $"embargo_until '{embargo}' must be a day, YYYY-MM-DD: the record is published from that day on");
            valid = false;
        }

        foreach (var field in withhold.Where(w => !Withholdable.Contains(w)))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.At("withhold"),
                $"'{field}' cannot be withheld; " + (Suggest.Nearest(field, Withholdable) is { } near ? $"did you mean '{near}'? " : "")
                + $"fields that can be are: {string.Join(", ", Withholdable)} (to keep the whole record out of the site, write 'publish: false')");
            valid = false;
        }

        if (photo.Length > 0 && ImagePath.Problem(photo) is { } problem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, fields.At("photo"), problem);
            valid = false;
        }
        else if (photo.Length > 0 && !withhold.Contains("photo"))
        {
            if (person.PhotoAlt.Length == 0)
            {
                diagnostics.Warning(DiagnosticCodes.MissingAltText, fields.At("photo"), $"photo '{photo}' has no 'photo_alt'; add a text saying what the photo shows, which screen-reader users hear instead of seeing it");
            }

            if (person.PhotoCredit.Length == 0)
            {
                diagnostics.Warning(DiagnosticCodes.MissingCredit, fields.At("photo"), $"photo '{photo}' has no 'photo_credit'; say who took or holds the photo, as the family or archive asks it to be credited");
            }
        }

        if (person.Sources.Count == 0 && !withhold.Contains("sources"))
        {
            diagnostics.Warning(DiagnosticCodes.MissingSource, fields.Location,
                "the person's record has no source; add 'sources' (in people.csv the columns 'source' and 'source_url') saying where the facts come from");
        }

        return valid ? new Record(person, publish, embargo?.Start, withhold, fields.At("events")) : null;
    }

    /// <summary>A person cannot die before being born, nor be an age the dates rule out.</summary>
    private static bool CheckDates(PersonFields fields, PartialDate? born, PartialDate? died, int? age, DiagnosticBag diagnostics)
    {
        if (age is < 0 or > 150)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.At("age"), $"age {age} is not an age a person can have; write the age at death in whole years");
            return false;
        }

        if (born is null || died is null)
        {
            return true;
        }

        if (died.End < born.Start)
        {
            diagnostics.Error(DiagnosticCodes.InvalidDate, fields.At("died"), $"died {died} is before born {born}; check both dates against the source");
            return false;
        }

        // Partial dates allow a range of ages: born 1960 and died 1990-01-20 is 29 or 30.
        var youngest = YearsBetween(born.End, died.Start);
        var oldest = YearsBetween(born.Start, died.End);
        if (age is { } years && (years < youngest || years > oldest))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.At("age"),
                $"age {years} does not fit born {born} and died {died}, which give {(youngest == oldest ? $"{youngest}" : $"{youngest} to {oldest}")}; check the age and the dates against the source");
            return false;
        }

        return true;
    }

    private static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return to < from.AddYears(years) ? years - 1 : years;
    }

    /// <summary>
    /// The record as the site may show it, or null when it is not to be published on
    /// <paramref name="today"/>: what is withheld is removed here, before any later stage sees it.
    /// </summary>
    internal static Person? Published(Record record, DateOnly today)
    {
        if (!record.Publish || record.EmbargoUntil > today)
        {
            return null;
        }

        var p = record.Person;
        bool Held(string field) => record.Withhold.Contains(field);
        return p with
        {
            Names = Held("names") ? Person.NoTexts : p.Names,
            FamilyName = Held("family_name") ? Person.NoTexts : p.FamilyName,
            GivenName = Held("given_name") ? Person.NoTexts : p.GivenName,
            AlsoKnownAs = Held("also_known_as") ? [] : p.AlsoKnownAs,
            Born = Held("born") ? null : p.Born,
            Died = Held("died") ? null : p.Died,
            Age = Held("age") ? null : p.Age,
            Place = Held("place") ? Person.NoTexts : p.Place,
            Residence = Held("residence") ? Person.NoTexts : p.Residence,
            Occupation = Held("occupation") ? Person.NoTexts : p.Occupation,
            Photo = Held("photo") ? "" : p.Photo,
            PhotoAlt = Held("photo") ? "" : p.PhotoAlt,
            PhotoCredit = Held("photo") ? "" : p.PhotoCredit,
            Biographies = Held("biography") ? new Dictionary<string, Biography>() : p.Biographies,
            Events = Held("events") ? [] : p.Events,
            Sources = Held("sources") ? [] : p.Sources,
            Tags = Held("tags") ? [] : p.Tags,
            Extra = Held("extra") ? Page.NoExtra : p.Extra,
        };
    }
}
