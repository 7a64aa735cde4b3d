using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// An invented memorial of N story pages, a home page, a timeline page and N/10 events, written
/// in the source form of BlackJanuary and of each peer it is compared with: one model, so that
/// every generator gets the same Markdown bodies, titles, dates and events. Every word comes from
/// a seeded generator keyed by the page or event number, so a site is the same on every run and
/// machine, and page i is the same whatever N is.
///
/// The bodies use only what all four accept alike: ATX headings, paragraphs, emphasis, a bulleted
/// list, a pipe table, straight quotes and "--" for smart punctuation, root-relative links to
/// other pages (/stories/story-12/, /timeline/#event-3) and one external link. No footnotes and no
/// raw HTML: Eleventy's Markdown has no footnotes, and the peers do not escape raw HTML.
/// </summary>
internal sealed class SyntheticSite(int stories)
{
    public const string Title = "Synthetic Memorial";
    public const string Tagline = "An invented memorial for measuring build speed";
    public const string Description = "Invented testimonies and events, generated to compare static site generators.";
    public const string Author = "The benchmark";
    public const string BaseUrl = "https://bench.example.org/";
    public const string Csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'";

    /// <summary>The four source forms, each a folder of the generated site named after its generator.</summary>
    public static readonly IReadOnlyList<string> Forms = ["blackjanuary", "hugo", "jekyll", "eleventy"];

    private static readonly string[] Words =
    [
        "the", "city", "night", "street", "family", "neighbour", "soldiers", "tanks", "morning", "winter",
        "remembered", "carried", "waited", "window", "square", "hospital", "doctor", "brother", "sister", "mother",
        "father", "school", "letter", "bread", "radio", "silence", "crowd", "flowers", "names", "stone",
        "of", "and", "in", "to", "a", "with", "after", "before", "under", "across",
        "quietly", "later", "still", "never", "again", "everyone", "nobody", "old", "young", "cold",
        "light", "dark", "road", "harbour", "sea", "wall", "garden", "tram", "station", "market",
        "wrote", "said", "heard", "saw", "walked", "returned", "kept", "lost", "found", "buried",
        "their", "her", "his", "our", "that", "this", "every", "many", "few", "some",
        "photograph", "coat", "door", "stairs", "courtyard", "bridge", "candle", "song", "prayer", "promise",
    ];

    private static readonly string[] Names =
    [
        "Aydan", "Elchin", "Leyla", "Rauf", "Sevinj", "Tofig", "Gunel", "Ilham", "Nigar", "Vugar",
        "Samira", "Farid", "Lala", "Kamran", "Zarifa", "Orkhan", "Narmin", "Rashad", "Aynur", "Javid",
    ];

    private static readonly string[] Surnames =
    [
        "Mammadova", "Aliyev", "Huseynova", "Guliyev", "Hasanova", "Ismayilov", "Abbasova", "Karimov",
        "Babayeva", "Jafarov", "Rzayeva", "Safarov", "Valiyeva", "Najafov", "Askerova", "Orujov",
    ];

    private static readonly string[] Places =
    [
        "Baku", "Sumgait", "Salyan", "Lankaran", "Neftchala", "Ganja", "Shamakhi", "Quba", "Sheki", "Mingachevir",
    ];

    private static readonly string[] Headings =
    [
        "Before that night", "The street where they lived", "What the neighbours saw", "The morning after",
        "Letters kept by the family", "At the hospital", "How they are remembered", "The years that followed",
        "Names and places", "A photograph", "What was lost", "Witnesses",
    ];

    public int Stories => stories;

    /// <summary>One event for every ten pages, as on the memorial.</summary>
    public int Events => stories / 10;

    /// <summary>Pages each generator writes as a folder with an index.html: the stories, the home page and the timeline page.</summary>
    public int IndexPages => stories + 2;

    /// <summary>Writes the four forms into <paramref name="dir"/>, which must not exist or be empty.</summary>
    /// <param name="root">The repository, for the peers' templates (tests/bench) and the theme's assets.</param>
    public void Write(string dir, string root)
    {
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new InvalidOperationException($"{dir} is not empty; generate into a new folder");
        }

        WriteBlackJanuary(Path.Combine(dir, "blackjanuary"));
        foreach (var peer in Forms.Skip(1))
        {
            CopyTree(Path.Combine(root, "tests", "bench", peer), Path.Combine(dir, peer));
            CopyTree(Path.Combine(root, "templates", "assets"), Path.Combine(dir, peer, peer == "hugo" ? "static/assets" : "assets"));
        }

        WriteHugo(Path.Combine(dir, "hugo"));
        WriteJekyll(Path.Combine(dir, "jekyll"));
        WriteEleventy(Path.Combine(dir, "eleventy"));
    }

    /// <summary>A content folder for the default theme (docs/content.md); the navigation comes from page weights.</summary>
    public void WriteBlackJanuary(string dir)
    {
        Write(dir, "site.yaml", $"title: {Title}\ntagline: {Tagline}\ndescription: {Description}\nauthor: {Author}\nbase_url: {BaseUrl}\n");
        Write(dir, "pages/index.md", FrontMatter([("title", Title), ("weight", "1"), ("nav_title", "Home"), ("summary", Description)]) + HomeBody());
        Write(dir, "pages/timeline.md", FrontMatter([("title", "Timeline"), ("layout", "timeline"), ("weight", "2"), ("summary", TimelineSummary)]) + TimelineBody);
        for (var i = 0; i < stories; i++)
        {
            var story = Story(i);
            Write(dir, $"pages/stories/story-{i}.md", FrontMatter([("title", story.Title), ("date", Iso(story.Date)), ("summary", story.Summary)]) + story.Body);
        }

        Write(dir, "timeline.yaml", TimelineYaml());
    }

    /// <summary>Content and data beside the templates copied from tests/bench/hugo; the menu entries stand for BlackJanuary's weights.</summary>
    private void WriteHugo(string dir)
    {
        Write(dir, "content/_index.md", FrontMatter([("title", Title), ("summary", Description), ("menu", "{main: {name: Home, weight: 1}}")]) + HomeBody());
        Write(dir, "content/timeline.md", FrontMatter([("title", "Timeline"), ("layout", "timeline"), ("summary", TimelineSummary), ("menu", "{main: {name: Timeline, weight: 2}}")]) + TimelineBody);
        for (var i = 0; i < stories; i++)
        {
            var story = Story(i);
            Write(dir, $"content/stories/story-{i}.md", FrontMatter([("title", story.Title), ("date", Iso(story.Date)), ("summary", story.Summary)]) + story.Body);
        }

        Write(dir, "data/timeline.yaml", TimelineYaml());
    }

    /// <summary>Stories are Jekyll posts (dated, so jekyll-feed lists them); the site's settings are in tests/bench/jekyll/_config.yml.</summary>
    private void WriteJekyll(string dir)
    {
        Write(dir, "index.md", FrontMatter([("layout", "home"), ("title", Title), ("description", Description)]) + HomeBody());
        Write(dir, "timeline.md", FrontMatter([("layout", "timeline"), ("title", "Timeline"), ("description", TimelineSummary), ("permalink", "/timeline/")]) + TimelineBody);
        for (var i = 0; i < stories; i++)
        {
            var story = Story(i);
            Write(dir, $"_posts/{Iso(story.Date)}-story-{i}.md", FrontMatter([("title", story.Title), ("date", Iso(story.Date)), ("description", story.Summary)]) + story.Body);
        }

        Write(dir, "_data/timeline.yml", TimelineYaml());
    }

    /// <summary>Eleventy reads JSON data without a plugin, so its timeline is the same events as JSON.</summary>
    private void WriteEleventy(string dir)
    {
        Write(dir, "index.md", FrontMatter([("layout", "home.njk"), ("title", Title), ("summary", Description)]) + HomeBody());
        Write(dir, "timeline.md", FrontMatter([("layout", "timeline.njk"), ("title", "Timeline"), ("summary", TimelineSummary), ("permalink", "/timeline/")]) + TimelineBody);
        for (var i = 0; i < stories; i++)
        {
            var story = Story(i);
            Write(dir, $"stories/story-{i}.md", FrontMatter([("title", story.Title), ("date", Iso(story.Date)), ("summary", story.Summary)]) + story.Body);
        }

        var events = Enumerable.Range(0, Events).Select(Event).Select(e => new Dictionary<string, object>
        {
            ["id"] = e.Id,
            ["date"] = Iso(e.Date),
            ["title"] = e.Title,
            ["place"] = e.Place,
            ["body"] = e.Body,
            ["sources"] = e.Sources.Select(s => new Dictionary<string, string> { ["title"] = s.Title, ["url"] = s.Url }).ToList(),
        });
        Write(dir, "_data/timeline.json", JsonSerializer.Serialize(events));
    }

    private const string TimelineSummary = "Every invented event, in the order it happened.";

    private const string TimelineBody = "The events below are invented. Each one names its sources.\n";

    private string HomeBody()
    {
        var text = new StringBuilder("This memorial is invented. Its pages are testimonies written by a program, so that generators can be compared on a site of a memorial's shape. The [timeline](/timeline/) sets out the events by date.\n\n## Testimonies\n\n");
        for (var i = 0; i < Math.Min(stories, 10); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{Story(i).Title}](/stories/story-{i}/)\n");
        }

        return text.ToString();
    }

    public sealed record StoryPage(string Title, DateOnly Date, string Summary, string Body);

    /// <summary>
    /// Story i: about 400–700 words under four headings, with a list, a table, links to two other
    /// stories, to an event of the timeline and to an archive on another site.
    /// </summary>
    public StoryPage Story(int i)
    {
        var random = new SplitMix(0x5EED_0000 + (ulong)i);
        var person = $"{random.Pick(Names)} {random.Pick(Surnames)}";
        var place = random.Pick(Places);
        var next = (i + 1) % stories;
        var other = (int)((i * 7919L + 13) % stories);
        var timelineLink = Events > 0 ? $"/timeline/#{EventId(i % Events)}" : "/timeline/";
        var headings = random.Shuffled(Headings);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{person} lived in {place}. {random.Paragraph(4)} The *{random.Word()} {random.Word()}* is also told in [the next testimony](/stories/story-{next}/).\n\n");
        body.Append(CultureInfo.InvariantCulture, $"## {headings[0]}\n\n{random.Paragraph(5)}\n\n{random.Paragraph(4)} \"{random.Sentence()}\" -- so the family says.\n\n");
        for (var item = 0; item < 5; item++)
        {
            body.Append(item == 2 ? $"- {random.Sentence()} See [another testimony](/stories/story-{other}/).\n" : $"- {random.Sentence()}\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\n## {headings[1]}\n\n{random.Paragraph(5)} The **{random.Word()}** was recorded in [an archive](https://archive.example.org/records/{i}).\n\n");
        body.Append("| Year | Place | Witnesses |\n|------|-------|----------:|\n");
        for (var row = 0; row < 4; row++)
        {
            body.Append(CultureInfo.InvariantCulture, $"| {1985 + row * 2 + random.Next(2)} | {random.Pick(Places)} | {random.Next(40) + 1} |\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\n### {headings[2]}\n\n{random.Paragraph(5)} The [timeline]({timelineLink}) gives the date.\n\n");
        body.Append(CultureInfo.InvariantCulture, $"## {headings[3]}\n\n{random.Paragraph(5)}\n\n{random.Paragraph(4)}\n");
        // Distinct days from 1820 on, in an order unrelated to i: no two stories tie in the feed.
        var date = new DateOnly(1820, 1, 1).AddDays((int)(i * 7919L % 65_536));
        return new StoryPage($"The testimony of {person}, number {i}", date, $"What {person} remembers of {place}, invented for page {i}.", body.ToString());
    }

    public sealed record TimelineEvent(string Id, DateOnly Date, string Title, string Place, string Body, IReadOnlyList<(string Title, string Url)> Sources);

    public TimelineEvent Event(int k)
    {
        var random = new SplitMix(0xE7E7_0000 + (ulong)k);
        var place = random.Pick(Places);
        // Distinct days over 120 years (43,830 days; 7,919 is prime to it): no two events tie.
        var date = new DateOnly(1900, 1, 1).AddDays((int)(k * 7919L % 43_830));
        var story = k * 10 % Math.Max(stories, 1);
        var body = $"{random.Paragraph(3)} One testimony is [that of page {story}](/stories/story-{story}/).\n\n{random.Paragraph(2)}\n";
        (string, string)[] sources = random.Next(3) == 0
            ? [($"Archive record {k}", $"https://archive.example.org/events/{k}")]
            : [($"Archive record {k}", $"https://archive.example.org/events/{k}"), ($"Newspaper of {place}, {date.Year}", $"https://news.example.org/{date.Year}/{k}")];
        return new TimelineEvent(EventId(k), date, $"Invented event {k} in {place}", place, body, sources);
    }

    private static string EventId(int k) => string.Create(CultureInfo.InvariantCulture, $"event-{k}");

    /// <summary>The same YAML serves BlackJanuary's timeline.yaml and the data files of Hugo and Jekyll.</summary>
    private string TimelineYaml()
    {
        var text = new StringBuilder();
        for (var k = 0; k < Events; k++)
        {
            var e = Event(k);
            text.Append(CultureInfo.InvariantCulture, $"- id: {e.Id}\n  date: {Iso(e.Date)}\n  title: {e.Title}\n  place: {e.Place}\n  body: |\n");
            foreach (var line in e.Body.TrimEnd('\n').Split('\n'))
            {
                text.Append(line.Length > 0 ? "    " + line : "").Append('\n');
            }

            text.Append("  sources:\n");
            foreach (var (title, url) in e.Sources)
            {
                text.Append(CultureInfo.InvariantCulture, $"    - title: \"{title}\"\n      url: {url}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Values are quoted unless they are YAML of their own (a flow mapping or a number); invented text has no '"' or '\'.</summary>
    private static string FrontMatter(IEnumerable<(string Key, string Value)> fields)
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in fields)
        {
            var plain = value.StartsWith('{') || int.TryParse(value, CultureInfo.InvariantCulture, out _) || (key == "date" && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out _));
            text.Append(key).Append(": ").Append(plain ? value : $"\"{value}\"").Append('\n');
        }

        return text.Append("---\n").ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static void Write(string dir, string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>SplitMix64: System.Random's seeded sequence may change between .NET versions; this one cannot. Internal: the register (SyntheticRegister.cs) draws from it too.</summary>
    internal sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return (int)((z ^ (z >> 31)) % (ulong)bound);
        }

        public string Pick(string[] items) => items[Next(items.Length)];

        public string Word() => Pick(Words);

        public string Sentence()
        {
            var words = Enumerable.Range(0, 8 + Next(9)).Select(_ => Word()).ToArray();
            words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
            return string.Join(' ', words) + ".";
        }

        public string Paragraph(int sentences)
        {
            var text = new StringBuilder();
            for (var s = 0; s < sentences; s++)
            {
                text.Append(s > 0 ? " " : "").Append(Sentence());
            }

            return text.ToString();
        }

        public string[] Shuffled(string[] items)
        {
            var copy = items.ToArray();
            for (var i = copy.Length - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (copy[i], copy[j]) = (copy[j], copy[i]);
            }

            return copy;
        }
    }
}
