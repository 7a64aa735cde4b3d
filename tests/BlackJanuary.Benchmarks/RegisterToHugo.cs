using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>
/// Turns a BlackJanuary register (content/people.csv, timeline.yaml) into a Hugo site, for the
/// scale benchmark of issue 20. The issue asks for Hugo building the same records from the same
/// CSV through a content adapter or a data template; the Hugo on this machine is Debian's
/// v0.111.3, which has no content adapters (Hugo 0.126) and cannot make pages from data, so this
/// converter writes the records as Markdown files, a page per person per language, and its time
/// is reported beside Hugo's build. It reads the CSV file, not the generator's memory, so that
/// Hugo gets exactly the records BlackJanuary reads.
///
/// The site: tests/bench/hugo-people (configuration, layouts, UI strings) copied, then
/// content/people/ID.md (az, the default language), ID.en.md and ID.ru.md, each with the name in
/// its language as the title and the other fields as front matter, the biography as the body.
/// </summary>
internal static class RegisterToHugo
{
    private static readonly string[] Languages = ["az", "en", "ru"];

    // Cyrillic and Azerbaijani letters stay readable in the front matter; values are still JSON strings, which YAML reads.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The number of people converted.</returns>
    public static int Convert(string content, string hugo, string root)
    {
        if (Directory.Exists(hugo) && Directory.EnumerateFileSystemEntries(hugo).Any())
        {
            throw new InvalidOperationException($"{hugo} is not empty; convert into a new folder");
        }

        SyntheticSite.CopyTree(Path.Combine(root, "tests", "bench", "hugo-people"), hugo);
        // The theme's CSS, fonts and images, as the page benchmark gives Hugo (SyntheticSite.Write): Hugo copies them, BlackJanuary writes its own.
        SyntheticSite.CopyTree(Path.Combine(root, "templates", "assets"), Path.Combine(hugo, "static", "assets"));
        // The timeline's YAML is already what Hugo's data templates read (title, place and body per language).
        Directory.CreateDirectory(Path.Combine(hugo, "data"));
        File.Copy(Path.Combine(content, "timeline.yaml"), Path.Combine(hugo, "data", "timeline.yaml"));
        string[][] pages =
        [
            ["_index", "Sınaq reyestri", "A test register", "Тестовый реестр"],
            ["people/_index", "Adlar reyestri", "Register of names", "Реестр имён"],
            ["timeline", "Xronologiya", "Timeline", "Хронология"],
        ];
        foreach (var page in pages)
        {
            for (var l = 0; l < Languages.Length; l++)
            {
                var layout = page[0] == "timeline" ? "layout: timeline\n" : "";
                SyntheticSite.Write(hugo, $"content/{page[0]}{Suffix(Languages[l])}.md", $"---\ntitle: {Quote(page[l + 1])}\n{layout}---\n");
            }
        }

        var count = 0;
        using var reader = new StreamReader(Path.Combine(content, "people.csv"), Encoding.UTF8);
        var header = ReadRecord(reader) ?? throw new InvalidDataException("people.csv is empty");
        var column = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        while (ReadRecord(reader) is { } row)
        {
            if (row.Count != header.Count)
            {
                throw new InvalidDataException($"people.csv record {count + 2}: {row.Count} cells, the header has {header.Count}");
            }

            string Get(string name) => row[column[name]];
            var id = Get("id");
            var names = new Dictionary<string, string> { ["az"] = Get("name"), ["en"] = Get("names.en"), ["ru"] = Get("names.ru") };
            // Hugo has no collation by family name: the index sorts on this parameter, as BlackJanuary's sorts by family_name, given_name.
            var sortName = Get("family_name").Length > 0 ? $"{Get("family_name")} {Get("given_name")}" : Get("name");
            var common = new StringBuilder();
            common.Append("names: ").Append(JsonSerializer.Serialize(names, Json)).Append('\n');
            common.Append("sort_name: ").Append(Quote(sortName)).Append('\n');
            foreach (var field in new[] { "family_name", "given_name", "born", "died", "age", "place", "residence", "occupation" })
            {
                if (Get(field).Length > 0)
                {
                    common.Append(field).Append(": ").Append(Quote(Get(field))).Append('\n');
                }
            }

            foreach (var list in new[] { "also_known_as", "events", "tags" })
            {
                common.Append(list).Append(": ").Append(JsonSerializer.Serialize(Items(Get(list)), Json)).Append('\n');
            }

            // The place taxonomy makes Hugo's per-place pages, as the register's place sub-pages.
            common.Append("places: ").Append(JsonSerializer.Serialize(Items(Get("place")), Json)).Append('\n');
            common.Append("sources: [{title: ").Append(Quote(Get("source"))).Append(", url: ").Append(Quote(Get("source_url"))).Append("}]\n");
            var rest = common.ToString();
            foreach (var language in Languages)
            {
                SyntheticSite.Write(hugo, $"content/people/{id}{Suffix(language)}.md", $"---\ntitle: {Quote(names[language])}\n{rest}---\n\n{Get("biography")}\n");
            }

            count++;
        }

        return count;
    }

    /// <summary>Times <see cref="Convert"/> and prints it, for tests/bench/people.sh.</summary>
    public static void ConvertTimed(string content, string hugo, string root)
    {
        var clock = Stopwatch.StartNew();
        var count = Convert(content, hugo, root);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"converter: {count} people, {count * Languages.Length} Markdown files for Hugo in {clock.Elapsed.TotalSeconds:F2} s"));
    }

    private static string Suffix(string language) => language == "az" ? "" : "." + language;

    private static string Quote(string value) => JsonSerializer.Serialize(value, Json);

    private static string[] Items(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// One RFC 4180 record, or null at the end: cells separated by commas, a quoted cell may hold
    /// commas, doubled quotes and line breaks; records end at LF or CRLF. A small reader of its own
    /// rather than the engine's CsvTable, so that the peer does not depend on the code it is compared with.
    /// </summary>
    private static List<string>? ReadRecord(TextReader reader)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0)
                {
                    throw new InvalidDataException("people.csv: a quote is left open at the end of the file");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append((char)c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or < 0)
            {
                cells.Add(cell.ToString());
                return cells;
            }
            else if (c == '\r' && reader.Peek() == '\n')
            {
                // CRLF: the LF ends the record.
            }
            else
            {
                cell.Append((char)c);
            }
        }
    }

}
