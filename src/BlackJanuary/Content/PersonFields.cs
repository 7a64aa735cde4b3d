using System.Globalization;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// One person's fields, as written in a file's front matter or in a row of people.csv: the
/// checks of a record (<see cref="PeopleLoader"/>) are written once for both forms.
/// </summary>
internal abstract class PersonFields
{
    /// <summary>Where the record starts.</summary>
    public abstract SourceLocation Location { get; }

    /// <summary>Where a field's value is written; the record's start when it has none.</summary>
    public abstract SourceLocation At(string key);

    public abstract bool Has(string key);

    public abstract string? Text(string key);

    /// <summary>A list field: YAML's list, a cell's items separated by ';'.</summary>
    public abstract IReadOnlyList<string> Texts(string key);

    /// <summary>A text given once ("" as the code) or per language: a YAML map, or columns 'key.az', 'key.ru'.</summary>
    public abstract IReadOnlyDictionary<string, string> Localized(string key);

    public abstract PartialDate? Date(string key);

    public abstract int? Number(string key);

    public abstract bool? Bool(string key);

    public abstract IReadOnlyList<Source> Sources();

    public abstract IReadOnlyDictionary<string, object>? Extra();

    /// <summary>Warns about each key (or column) the record does not know.</summary>
    public abstract void WarnUnknown(IReadOnlyCollection<string> known);
}

/// <summary>A person's front matter.</summary>
internal sealed class YamlPersonFields(YamlFields fields, string file, DiagnosticBag diagnostics) : PersonFields
{
    public override SourceLocation Location => new(file, 1, 1);

    public override SourceLocation At(string key) => fields.Has(key) ? fields.ValueLocationOf(key) : Location;

    public override bool Has(string key) => fields.Has(key);

    public override string? Text(string key) => fields.Text(key);

    public override IReadOnlyList<string> Texts(string key) => fields.Texts(key);

    public override IReadOnlyDictionary<string, string> Localized(string key) => fields.Localized(key) ?? Person.NoTexts;

    public override PartialDate? Date(string key) => fields.Date(key);

    public override int? Number(string key) => fields.Number(key);

    public override bool? Bool(string key) => fields.Bool(key);

    public override IReadOnlyList<Source> Sources() => Content.Sources.Read(fields, file, diagnostics);

    public override IReadOnlyDictionary<string, object>? Extra() => fields.Data("extra");

    public override void WarnUnknown(IReadOnlyCollection<string> known) => fields.WarnUnknownKeys(known);
}

/// <summary>A row of people.csv: empty cells are absent fields; 'names.az' is the key 'az' of 'names'.</summary>
internal sealed class CsvPersonFields(CsvRow row, CsvTable table, DiagnosticBag diagnostics) : PersonFields
{
    public override SourceLocation Location => row.At;

    public override SourceLocation At(string key) => row.Cell(key) is { } cell ? cell.At : Location;

    public override bool Has(string key) => Text(key) is not null;

    public override string? Text(string key) => row.Cell(key) is { } cell && cell.Text.Trim() is { Length: > 0 } text ? text : null;

    public override IReadOnlyList<string> Texts(string key) => Text(key) is { } text ? CsvTable.SplitList(text) : [];

    public override IReadOnlyDictionary<string, string> Localized(string key)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Text(key) is { } plain)
        {
            texts[""] = plain;
        }

        foreach (var column in table.Columns.Where(c => c.Name.StartsWith(key + ".", StringComparison.Ordinal)))
        {
            if (Text(column.Name) is { } text)
            {
                texts[column.Name[(key.Length + 1)..]] = text;
            }
        }

        return texts.Count > 0 ? texts : Person.NoTexts;
    }

    public override PartialDate? Date(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        diagnostics.Error(DiagnosticCodes.InvalidDate, At(key), $"date '{text}' in column '{key}' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }

    public override int? Number(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        diagnostics.Error(DiagnosticCodes.WrongType, At(key), $"'{key}' must be a whole number, not '{text}'");
        return null;
    }

    public override bool? Bool(string key)
    {
        switch (Text(key)?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                diagnostics.Error(DiagnosticCodes.WrongType, At(key), $"'{key}' must be true or false, not '{Text(key)}'");
                return null;
        }
    }

    /// <summary>One source, in the columns 'source', 'source_url', 'source_archived' and 'source_accessed'.</summary>
    public override IReadOnlyList<Source> Sources()
    {
        var url = Text("source_url") ?? "";
        if (!Content.Sources.IsValidUrl(url, "url", At("source_url"), diagnostics))
        {
            return [];
        }

        var archived = Content.Sources.Archived(Text("source_archived") ?? "", url, "source_url", At("source_archived"), diagnostics);
        var accessed = Content.Sources.Accessed(Text("source_accessed"), At("source_accessed"), diagnostics);
        if (Text("source") is { } title)
        {
            return [new Source(title, url) { Archived = archived, Accessed = accessed, AccessedLocation = accessed is null ? default : At("source_accessed") }];
        }

        if (url.Length > 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, At("source_url"), "the row has a 'source_url' but no 'source'; write the source's title in the 'source' column");
        }

        return [];
    }

    public override IReadOnlyDictionary<string, object>? Extra()
    {
        var extra = table.Columns.Where(c => c.Name.StartsWith("extra.", StringComparison.Ordinal) && Text(c.Name) is not null)
            .ToDictionary(c => c.Name["extra.".Length..], c => (object)Text(c.Name)!, StringComparer.Ordinal);
        return extra.Count > 0 ? extra : null;
    }

    /// <summary>The columns are the table's: they are checked once for the file, not once per row.</summary>
    public override void WarnUnknown(IReadOnlyCollection<string> known)
    {
    }
}
