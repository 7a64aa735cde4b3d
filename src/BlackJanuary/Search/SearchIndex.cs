using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary.Search;

/// <summary>
/// The search index of each language, written at build time and read by the site's script
/// (templates/assets/js/search.js): the pages, the timeline's events and the register's people
/// of that language, as results (title, type, date, place, snippet) and as the keys of their
/// words (<see cref="SearchRules"/>).
///
/// A query must not load the whole index: a register of 100,000 people has megabytes of it. So
/// the keys are split into shards by their first two letters, and a shard grown past
/// <see cref="ShardBytes"/> by their first three; a query loads the shard of each word's key. The
/// results are split into chunks of <see cref="ChunkSize"/> in the order of their titles' keys,
/// so that the namesakes a query finds ("Həsənov", "Гасанов") are mostly in one chunk. Every
/// shard and chunk is named by a hash of its bytes, so hosts may cache it forever; meta.json,
/// which lists them (and carries the rules), keeps its name.
/// </summary>
public static partial class SearchIndex
{
    /// <summary>Results per chunk file: about 20 KB of JSON, 6 KB gzipped.</summary>
    public const int ChunkSize = 100;

    /// <summary>The size of a shard's JSON above which it is split by a third letter.</summary>
    public const int ShardBytes = 48 * 1024;

    /// <summary>The characters of a snippet: about two lines of a result list.</summary>
    private const int SnippetLength = 180;

    /// <summary>Keys longer than this are no word a visitor types (a URL, a hash) and only swell the index.</summary>
    private const int LongestKey = 40;

    /// <summary>What JSON escapes: only what it must. The files are read as JSON, never put into HTML, and Cyrillic stays readable and a third of the size.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every file of every language's index: its path in the output and its text.</summary>
    /// <param name="session">Keeps each page's and event's result while it is unchanged, and a language's files while none of its results changed.</param>
    public static IEnumerable<(string Path, string Text)> Files(Site site, Session? session)
    {
        var c = site.Config;
        var rules = SearchRules.Default;
        var files = new List<(string, string)>();
        // A language without a search page (its theme has no layout for one) has no use for an index.
        foreach (var language in c.Languages.Where(l => site.SearchPathIn(l.Code) is not null))
        {
            var unused = new DiagnosticBag();
            var pages = site.Pages.Where(p => p.Language == language.Code && IsFound(p)).ToList();
            var pageDocs = Session.Each(session, "search.pages." + language.Code, new Units<Page, PageKey, SearchDoc>(
                pages, c, p => p.Path, p => new PageKey(p, c), (p, _) => PageDoc(p, language, c, rules)), unused);
            var docs = pageDocs.ToList();
            if (site.TimelinePageIn(language.Code) is { } timeline)
            {
                var at = c.PathFor(timeline.Path);
                docs.AddRange(Session.Each(session, "search.events." + language.Code, new Units<TimelineEvent, EventKey, SearchDoc>(
                    site.Timelines[language.Code], (c, at), e => e.Id, e => new EventKey(e, at, c), (e, _) => EventDoc(e, at, language, rules)), unused));
            }

            files.AddRange(Session.Once(session, "search.index." + language.Code, new IndexKey(c, new Values<SearchDoc>(docs)),
                () => LanguageFiles(c, language.Code, docs, rules)));
        }

        return files;
    }

    /// <summary>What a page's result reads: the page and the settings (its URL, dates).</summary>
    private sealed record PageKey(Page Page, SiteConfig Config);

    /// <summary>What an event's result reads: the event, the timeline page's address and the settings.</summary>
    private sealed record EventKey(TimelineEvent Event, string At, SiteConfig Config);

    private sealed record IndexKey(SiteConfig Config, Values<SearchDoc> Docs);

    /// <summary>
    /// A page a visitor may look for: not the 404 page, not the search page, and not a list of
    /// the register (its people are results of their own).
    /// </summary>
    private static bool IsFound(Page page) => !page.IsNotFound && page.Layout != Page.SearchKey && page.Listing is null;

    private static SearchDoc PageDoc(Page page, SiteLanguage language, SiteConfig c, SearchRules rules)
    {
        var body = TextOf(page.ContentHtml);
        if (page.Person is { } person)
        {
            var d = c.Language;
            var place = Person.TextIn(person.Place, language.Code, d);
            // Every spelling of the name is the person's title: "Гасанов" is found on the English page too.
            var names = person.Names.Values.Prepend(person.Name).Concat(person.AlsoKnownAs).Concat(person.FamilyName.Values).Concat(person.GivenName.Values);
            var text = string.Join(' ', [place, Person.TextIn(person.Residence, language.Code, d), Person.TextIn(person.Occupation, language.Code, d), person.LifeIn(language), .. page.Tags, body]);
            return Doc(SearchDoc.Person, c.PathFor(page.Path), page.Title, person.NameLanguageIn(language.Code, d), person.LifeIn(language), place,
                Snippet(body), person.Biographies.ContainsKey(language.Code) || person.Biographies.ContainsKey("") ? language.Code : d,
                string.Join(' ', names), text, rules);
        }

        var date = page.Date is { } day ? language.Format(day) : "";
        return Doc(SearchDoc.Page, c.PathFor(page.Path), page.Title, page.Language, date, "", Snippet(page.Summary.Length > 0 ? page.Summary : body), page.Language,
            page.Title, string.Join(' ', [page.Summary, date, .. page.Tags, body]), rules);
    }

    private static SearchDoc EventDoc(TimelineEvent e, string at, SiteLanguage language, SearchRules rules)
    {
        var date = e.Date is { } start ? language.Format(start) + (e.EndDate is { } end ? " – " + language.Format(end) : "") : e.DateNote;
        var body = TextOf(e.BodyHtml);
        return Doc(SearchDoc.Event, at + "#" + e.Id, e.Title, e.Language, date, e.Place, Snippet(body), e.Language,
            e.Title, string.Join(' ', [e.Place, date, e.DateNote, body]), rules);
    }

    private static SearchDoc Doc(string type, string url, string title, string titleLanguage, string date, string place, string snippet, string snippetLanguage,
        string titleWords, string text, SearchRules rules)
    {
        var titleKeys = Distinct(rules.IndexKeys(titleWords + " " + title));
        var textKeys = Distinct(rules.IndexKeys(text)).Except(titleKeys, StringComparer.Ordinal).ToArray();
        return new SearchDoc(type, url, title, titleLanguage, date, place, snippet, snippetLanguage, titleKeys, textKeys);
    }

    private static string[] Distinct(IEnumerable<string> keys) =>
        [.. keys.Where(k => k.Length is >= 2 and <= LongestKey).Distinct(StringComparer.Ordinal)];

    /// <summary>The text of rendered HTML, as a reader sees it: no tags, character references decoded, white space single.</summary>
    public static string TextOf(string html) =>
        html.Length == 0 ? "" : Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The start of a text, cut after a whole word.</summary>
    private static string Snippet(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SnippetLength);
        return text[..(cut > SnippetLength / 2 ? cut : SnippetLength)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    private static List<(string, string)> LanguageFiles(SiteConfig c, string language, List<SearchDoc> found, SearchRules rules)
    {
        var folder = GeneratedFiles.SearchFolder(language);
        var docs = found.OrderBy(d => d.Rank).ThenBy(d => string.Join(' ', d.TitleKeys), StringComparer.Ordinal).ThenBy(d => d.Url, StringComparer.Ordinal).ToList();
        var files = new List<(string, string)>();

        var chunks = new List<string>();
        for (var start = 0; start < docs.Count; start += ChunkSize)
        {
            var text = Json(w =>
            {
                w.WriteStartArray();
                foreach (var d in docs.Skip(start).Take(ChunkSize))
                {
                    w.WriteStartArray();
                    foreach (var field in new[] { d.Type, d.Url, d.Title, d.TitleLanguage, d.Date, d.Place, d.Snippet, d.SnippetLanguage })
                    {
                        w.WriteStringValue(field);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndArray();
            });
            var stem = $"{chunks.Count}.{Hash(text)}";
            chunks.Add(stem);
            files.Add((folder + "d/" + stem + ".json", text));
        }

        var shards = new List<(string Prefix, string Stem)>();
        foreach (var (prefix, tokens) in Shards(Postings(docs)))
        {
            var text = ShardJson(tokens);
            var stem = $"{shards.Count}.{Hash(text)}";
            shards.Add((prefix, stem));
            files.Add((folder + "t/" + stem + ".json", text));
        }

        var meta = Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("language", language);
            w.WriteNumber("count", docs.Count);
            w.WriteNumber("chunk", ChunkSize);
            w.WritePropertyName("rules");
            w.WriteRawValue(rules.Json);
            w.WriteStartObject("shards");
            foreach (var (prefix, stem) in shards)
            {
                w.WriteString(prefix, stem);
            }

            w.WriteEndObject();
            w.WriteStartArray("docs");
            foreach (var stem in chunks)
            {
                w.WriteStringValue(stem);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        files.Add((folder + GeneratedFiles.SearchMetaFile, meta));
        return files;
    }

    /// <summary>Each key and the results that have it, as numbers: twice the result's place, plus one when the key is in its title.</summary>
    private static SortedDictionary<string, List<int>> Postings(List<SearchDoc> docs)
    {
        var postings = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            foreach (var (keys, inTitle) in new[] { (docs[i].TitleKeys, 1), (docs[i].TextKeys, 0) })
            {
                foreach (var key in keys)
                {
                    if (!postings.TryGetValue(key, out var list))
                    {
                        postings[key] = list = [];
                    }

                    list.Add(2 * i + inTitle);
                }
            }
        }

        return postings;
    }

    /// <summary>The keys in shards by their first two letters; a shard too large is split by the third (the two-letter keys stay in it).</summary>
    private static IEnumerable<(string Prefix, List<KeyValuePair<string, List<int>>> Tokens)> Shards(SortedDictionary<string, List<int>> postings)
    {
        foreach (var group in postings.GroupBy(p => p.Key[..2]))
        {
            var tokens = group.ToList();
            if (ShardJson(tokens).Length <= ShardBytes)
            {
                yield return (group.Key, tokens);
                continue;
            }

            var shortOnes = tokens.Where(t => t.Key.Length == 2).ToList();
            if (shortOnes.Count > 0)
            {
                yield return (group.Key, shortOnes);
            }

            foreach (var deeper in tokens.Where(t => t.Key.Length > 2).GroupBy(t => t.Key[..3]))
            {
                yield return (deeper.Key, deeper.ToList());
            }
        }
    }

    /// <summary>[["key", [first, step, step…]], …]: each posting list as differences from the one before, which keeps the numbers short.</summary>
    private static string ShardJson(List<KeyValuePair<string, List<int>>> tokens) => Json(w =>
    {
        w.WriteStartArray();
        foreach (var (key, list) in tokens)
        {
            w.WriteStartArray();
            w.WriteStringValue(key);
            w.WriteStartArray();
            var last = 0;
            foreach (var value in list)
            {
                w.WriteNumberValue(value - last);
                last = value;
            }

            w.WriteEndArray();
            w.WriteEndArray();
        }

        w.WriteEndArray();
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
}

/// <summary>One result of a language's search: what the list shows of it, and the keys it is found by.</summary>
/// <param name="TitleLanguage">The language the title is written in, which the result list marks with lang.</param>
/// <param name="SnippetLanguage">The language of the snippet: a biography not yet translated is in the default language.</param>
internal sealed record SearchDoc(string Type, string Url, string Title, string TitleLanguage, string Date, string Place, string Snippet, string SnippetLanguage,
    string[] TitleKeys, string[] TextKeys)
{
    public const string Person = "person";
    public const string Event = "event";
    public const string Page = "page";

    /// <summary>People first, then events, then pages: a memorial's visitor most often looks for a name.</summary>
    public int Rank => Type switch { Person => 0, Event => 1, _ => 2 };
}
