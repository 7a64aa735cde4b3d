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
/// the keys are split into shards by their first letter, a shard grown past
/// <see cref="ShardBytes"/> by their first two and then three; a query loads the shard of each
/// word's key. The
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

            files.AddRange(LanguageFiles(c, language.Code, docs, rules, session));
        }

        return files;
    }

    /// <summary>What a page's result reads: the page and the settings (its URL, dates).</summary>
    private sealed record PageKey(Page Page, SiteConfig Config);

    /// <summary>What an event's result reads: the event, the timeline page's address and the settings.</summary>
    private sealed record EventKey(TimelineEvent Event, string At, SiteConfig Config);

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
            var life = person.LifeIn(language);
            var text = string.Join(' ', [place, Person.TextIn(person.Residence, language.Code, d), Person.TextIn(person.Occupation, language.Code, d), life, .. page.Tags, body]);
            return Doc(SearchDoc.Person, c.PathFor(page.Path), page.Title, person.NameLanguageIn(language.Code, d), life, place,
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

    /// <summary>
    /// A language's files. The results' order and the shards' keys are found again whenever a
    /// result changed, which is quick; a shard or chunk is written (JSON and hash) again only when
    /// what it holds changed, so that an edit of one biography rewrites a few files, not thousands.
    /// </summary>
    private static List<(string, string)> LanguageFiles(SiteConfig c, string language, List<SearchDoc> found, SearchRules rules, Session? session)
    {
        var folder = GeneratedFiles.SearchFolder(language);
        var unused = new DiagnosticBag();
        // The session's one record of the last layout of this language, which the next one starts from (a constant key: the same object each build).
        var last = Session.Once(session, "search.last." + language, language, () => new LastLayout());
        var layout = Session.Once(session, "search.layout." + language, new Values<SearchDoc>(found), () => Layout(found, last));

        var chunks = Session.Each(session, "search.chunks." + language, new Units<Values<SearchDoc>, Values<SearchDoc>, NamedFile>(
            layout.Chunks, folder, chunk => chunk.Items[0].Url, chunk => chunk, (chunk, _) => Named(ChunkJson(chunk.Items))), unused);
        var shards = Session.Each(session, "search.shards." + language, new Units<Shard, Shard, NamedFile>(
            layout.Shards, folder, shard => shard.Prefix, shard => shard, (shard, _) => Named(ShardJson(shard.Tokens))), unused);

        var files = new List<(string, string)>(chunks.Length + shards.Length + 1);
        files.AddRange(chunks.Select((chunk, i) => (folder + $"d/{i}.{chunk.Stem}.json", chunk.Text)));
        files.AddRange(shards.Select((shard, i) => (folder + $"t/{i}.{shard.Stem}.json", shard.Text)));
        var meta = Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("language", language);
            w.WriteNumber("count", layout.Count);
            w.WriteNumber("chunk", ChunkSize);
            w.WritePropertyName("rules");
            w.WriteRawValue(rules.Json);
            w.WriteStartObject("shards");
            for (var i = 0; i < shards.Length; i++)
            {
                w.WriteString(layout.Shards[i].Prefix, $"{i}.{shards[i].Stem}");
            }

            w.WriteEndObject();
            w.WriteStartArray("docs");
            for (var i = 0; i < chunks.Length; i++)
            {
                w.WriteStringValue($"{i}.{chunks[i].Stem}");
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        files.Add((folder + GeneratedFiles.SearchMetaFile, meta));
        return files;
    }

    /// <summary>A language's results in their order, cut into chunks, and its keys in shards.</summary>
    private sealed record IndexLayout(int Count, List<Values<SearchDoc>> Chunks, List<Shard> Shards);

    private static IndexLayout Layout(List<SearchDoc> found, LastLayout last)
    {
        var docs = found.OrderBy(d => d.Rank).ThenBy(d => d.Order, StringComparer.Ordinal).ThenBy(d => d.Url, StringComparer.Ordinal).ToList();
        var chunks = new List<Values<SearchDoc>>();
        for (var start = 0; start < docs.Count; start += ChunkSize)
        {
            chunks.Add(new Values<SearchDoc>(docs.GetRange(start, Math.Min(ChunkSize, docs.Count - start))));
        }

        var postings = last.Docs is { } before && SameOrder(before, docs) ? Changed(before, docs, last.Postings) : Postings(docs);
        last.Docs = docs;
        last.Postings = postings;
        var tokens = postings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => last.Tokens.TryGetValue(p.Key, out var t) && t.Postings == p.Value ? t : new Token(p.Key, p.Value)).ToList();
        last.Tokens = tokens.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return new IndexLayout(docs.Count, chunks, [.. Shards(tokens)]);
    }

    /// <summary>What the last layout of a language was made of: a rebuild in which no result moved changes the postings of the changed results' keys only.</summary>
    private sealed class LastLayout
    {
        public List<SearchDoc>? Docs { get; set; }

        public Dictionary<string, int[]> Postings { get; set; } = [];

        public Dictionary<string, Token> Tokens { get; set; } = [];
    }

    /// <summary>Whether every result is at the place it had: the same kind, title keys and address.</summary>
    private static bool SameOrder(List<SearchDoc> before, List<SearchDoc> now) =>
        before.Count == now.Count && before.Zip(now).All(p => ReferenceEquals(p.First, p.Second) || (p.First.Rank == p.Second.Rank && p.First.Order == p.Second.Order && p.First.Url == p.Second.Url));

    /// <summary>
    /// Each key and the results that have it, as numbers: twice the result's place, plus one when
    /// the key is in its title.
    /// </summary>
    private static Dictionary<string, int[]> Postings(List<SearchDoc> docs)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            foreach (var (key, value) in Values(docs[i], i))
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }

                list.Add(value);
            }
        }

        return postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The postings of the last build with those of the results that changed at their places taken out and put in again: the same as <see cref="Postings"/> of the new results.</summary>
    private static Dictionary<string, int[]> Changed(List<SearchDoc> before, List<SearchDoc> now, Dictionary<string, int[]> postings)
    {
        var places = Enumerable.Range(0, now.Count).Where(i => !ReferenceEquals(before[i], now[i])).ToHashSet();
        if (places.Count == 0)
        {
            return postings;
        }

        var added = places.SelectMany(i => Values(now[i], i)).ToLookup(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var touched = places.SelectMany(i => Values(before[i], i)).Select(v => v.Key).Concat(added.Select(g => g.Key)).ToHashSet(StringComparer.Ordinal);
        var changed = new Dictionary<string, int[]>(postings, StringComparer.Ordinal);
        foreach (var key in touched)
        {
            var kept = postings.GetValueOrDefault(key, []).Where(v => !places.Contains(v >> 1));
            var values = kept.Concat(added[key]).Order().ToArray();
            if (values.Length == 0)
            {
                changed.Remove(key);
            }
            else
            {
                changed[key] = values;
            }
        }

        return changed;
    }

    /// <summary>The postings one result at place <paramref name="i"/> adds: its title's keys, then its text's.</summary>
    private static IEnumerable<(string Key, int Value)> Values(SearchDoc doc, int i) =>
        doc.TitleKeys.Select(k => (k, 2 * i + 1)).Concat(doc.TextKeys.Select(k => (k, 2 * i)));

    private static NamedFile Named(string text) => new(Hash(text), text);

    /// <summary>A shard's or chunk's JSON, and the hash its name carries.</summary>
    private sealed record NamedFile(string Stem, string Text);

    private static string ChunkJson(IReadOnlyList<SearchDoc> docs) => Json(w =>
    {
        w.WriteStartArray();
        foreach (var d in docs)
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

    /// <summary>
    /// The keys in shards by their first letter; a shard past <see cref="ShardBytes"/> is split by
    /// the first two letters, and again by three (the keys as long as the prefix stay in its
    /// shard). A small site has a shard per letter, a register of 100,000 people some thousands.
    /// </summary>
    private static IEnumerable<Shard> Shards(List<Token> tokens, int letters = 1)
    {
        foreach (var group in tokens.GroupBy(t => Prefix(t.Key, letters)))
        {
            var all = group.ToList();
            if (letters == MostLetters || all.Sum(t => t.Bytes) <= ShardBytes)
            {
                yield return new Shard(group.Key, all);
                continue;
            }

            var whole = all.Where(t => t.Key == group.Key).ToList();
            if (whole.Count > 0)
            {
                yield return new Shard(group.Key, whole);
            }

            foreach (var shard in Shards([.. all.Where(t => t.Key != group.Key)], letters + 1))
            {
                yield return shard;
            }
        }
    }

    /// <summary>The longest prefix a shard is named by.</summary>
    private const int MostLetters = 3;

    /// <summary>The first <paramref name="letters"/> characters of a key, a pair of surrogates counted as one, as the page's script cuts them (Array.from).</summary>
    internal static string Prefix(string key, int letters)
    {
        var end = 0;
        for (var n = 0; n < letters && end < key.Length; n++)
        {
            end += char.IsHighSurrogate(key[end]) && end + 1 < key.Length && char.IsLowSurrogate(key[end + 1]) ? 2 : 1;
        }

        return key[..end];
    }

    /// <summary>A key and its postings (see <see cref="Postings"/>).</summary>
    private sealed record Token(string Key, int[] Postings)
    {
        /// <summary>The bytes of its JSON in a shard (<see cref="ShardJson"/>), its comma included: the key, the brackets and quotes, each difference and its comma.</summary>
        public int Bytes { get; } = Encoding.UTF8.GetByteCount(Key) + 8 + Postings.Select((v, i) => Digits(i == 0 ? v : v - Postings[i - 1]) + 1).Sum();

        private static int Digits(int n) => n < 10 ? 1 : 1 + Digits(n / 10);

        public bool Equals(Token? other) => other is not null && Key == other.Key && Postings.AsSpan().SequenceEqual(other.Postings);

        public override int GetHashCode() => HashCode.Combine(Key, Postings.Length);
    }

    /// <summary>The keys of one shard: compared by what they hold, so that a shard that holds the same is not written again.</summary>
    private sealed record Shard(string Prefix, List<Token> Tokens)
    {
        public bool Equals(Shard? other) => other is not null && Prefix == other.Prefix && Tokens.SequenceEqual(other.Tokens);

        public override int GetHashCode() => HashCode.Combine(Prefix, Tokens.Count);
    }

    /// <summary>[["key", [first, step, step…]], …]: each posting list as differences from the one before, which keeps the numbers short.</summary>
    private static string ShardJson(List<Token> tokens) => Json(w =>
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

    /// <summary>The order of results of one kind: by their titles' keys, so that one name's spellings are neighbours in a chunk.</summary>
    public string Order { get; } = string.Join(' ', TitleKeys);
}
