using System.Globalization;
using System.Text;

/// <summary>
/// An invented register of N people (issue 20) for the scale benchmark: a BlackJanuary content
/// folder in three languages (az, the default, at the root; en; ru) with a home page, a timeline
/// page, a timeline of 20 events and content/people.csv. Every person is obviously fictional: a
/// given name from a short list, a surname made from the Azerbaijani and Russian words for "test"
/// and "sample" (Testov, Sınaqlı, Nümunəli…), and the record's number, in three scripts. Each
/// record comes from a SplitMix generator seeded by its number, so the register is the same on
/// every run and machine, and person i is the same whatever N is.
///
/// The CSV exercises what a real register has: cells with commas and double quotes (RFC 4180
/// quoting), dates known to the day, the month or the year, empty cells, lists separated by ';'.
/// </summary>
internal sealed class SyntheticRegister(int people)
{
    /// <summary>The columns of issue 20's bulk form, in this order.</summary>
    public const string Header = "id,name,names.en,names.ru,family_name,given_name,also_known_as,born,died,age,place,residence,occupation,events,source,source_url,tags,biography";

    public const string Source = "Test register of names";
    public const string SourceUrl = "https://example.org/register";
    public const int EventCount = 20;

    /// <summary>A given name in Azerbaijani, English and Russian, its Russian-route Latin spelling, and whether it is a woman's.</summary>
    private static readonly (string Az, string En, string Ru, string RuRoute, bool Female)[] Given =
    [
        ("Aysel", "Aysel", "Айсель", "Aisel'", true), ("Elçin", "Elchin", "Эльчин", "El'chin", false),
        ("Leyla", "Leyla", "Лейла", "Leila", true), ("Rauf", "Rauf", "Рауф", "Rauf", false),
        ("Səbinə", "Sabina", "Сабина", "Sabina", true), ("Tofiq", "Tofig", "Тофик", "Tofik", false),
        ("Günel", "Gunel", "Гюнель", "Giunel'", true), ("İlham", "Ilham", "Ильхам", "Il'kham", false),
        ("Nigar", "Nigar", "Нигяр", "Nigiar", true), ("Vüqar", "Vugar", "Вугар", "Vugar", false),
        ("Samirə", "Samira", "Самира", "Samira", true), ("Fərid", "Farid", "Фарид", "Farid", false),
        ("Lalə", "Lala", "Лала", "Lala", true), ("Kamran", "Kamran", "Камран", "Kamran", false),
        ("Zərifə", "Zarifa", "Зарифа", "Zarifa", true), ("Orxan", "Orkhan", "Орхан", "Orkhan", false),
        ("Nərmin", "Narmin", "Нармин", "Narmin", true), ("Rəşad", "Rashad", "Рашад", "Rashad", false),
        ("Aynur", "Aynur", "Айнур", "Ainur", true), ("Cavid", "Javid", "Джавид", "Dzhavid", false),
    ];

    /// <summary>Invented surnames (from "test", "sample", "check"), men's and women's forms in az, en and ru, and a Russian-route Latin spelling.</summary>
    private static readonly (string Az, string AzF, string En, string EnF, string Ru, string RuF, string RuRoute, string RuRouteF)[] Family =
    [
        ("Testov", "Testova", "Testov", "Testova", "Тестов", "Тестова", "Testov", "Testova"),
        ("Sınaqlı", "Sınaqlı", "Sinagli", "Sinagli", "Сынаглы", "Сынаглы", "Synagly", "Synagly"),
        ("Nümunəli", "Nümunəli", "Numunali", "Numunali", "Нумунали", "Нумунали", "Numunali", "Numunali"),
        ("Yoxlamov", "Yoxlamova", "Yokhlamov", "Yokhlamova", "Йохламов", "Йохламова", "Iokhlamov", "Iokhlamova"),
        ("Sınaqov", "Sınaqova", "Sinagov", "Sinagova", "Сынагов", "Сынагова", "Synagov", "Synagova"),
        ("Örnəkli", "Örnəkli", "Ornakli", "Ornakli", "Орнакли", "Орнакли", "Ornakli", "Ornakli"),
        ("Çekov", "Çekova", "Chekov", "Chekova", "Чеков", "Чекова", "Chekov", "Chekova"),
        ("Şablonlu", "Şablonlu", "Shablonlu", "Shablonlu", "Шаблонлу", "Шаблонлу", "Shablonlu", "Shablonlu"),
    ];

    /// <summary>Thirty invented places, so that the per-place pages of the index have about N/30 people each.</summary>
    public static readonly IReadOnlyList<string> Places =
    [
        "Testabad", "Sampleville", "Nümunəkənd", "Sınaqlı", "Örnəkabad", "Yoxlamalı", "Testkənd", "Mockton",
        "Dummyford", "Placeholder Bay", "Fakeburg", "Exampleton", "Trialhaven", "Proofield", "Checkmouth",
        "Draftwick", "Stubbington", "Specimen Hill", "Pilotabad", "Mockabad", "Testçay", "Sınaqçay",
        "Nümunə Dağ", "Demoport", "Sandboxville", "Fixture Falls", "Harnessby", "Loremabad", "İpsumkənd", "Samplekənd",
    ];

    /// <summary>Occupations in Azerbaijani, the register's default language; one has a comma, so its cell is quoted.</summary>
    private static readonly string[] Occupations =
    [
        "müəllim", "tələbə", "sürücü", "həkim", "tibb bacısı", "mühəndis", "fəhlə", "şair",
        "təqaüdçü, keçmiş müəllim", "musiqiçi", "",
    ];

    private static readonly string[] Tags = ["test", "civilian", "student", "medic", "worker", "elder", "child"];

    public int People => people;

    /// <summary>Writes DIR/content: site.yaml, the home and timeline pages in three languages, timeline.yaml and people.csv.</summary>
    public void WriteBlackJanuary(string dir)
    {
        var content = Path.Combine(dir, "content");
        if (Directory.Exists(content) && Directory.EnumerateFileSystemEntries(content).Any())
        {
            throw new InvalidOperationException($"{content} is not empty; generate into a new folder");
        }

        Write(content, "site.yaml", SiteYaml);
        Write(content, "pages/index.md", Page("Sınaq reyestri", "home", 1, "Bu sayt uydurmadır: proqramın yaratdığı saxta adlar reyestri, sürət ölçmək üçün."));
        Write(content, "pages/index.en.md", Page("A test register", "home", 1, "This site is invented: a register of fictional names written by a program, to measure build speed."));
        Write(content, "pages/index.ru.md", Page("Тестовый реестр", "home", 1, "Этот сайт выдуман: реестр вымышленных имён, созданный программой для измерения скорости сборки."));
        Write(content, "pages/timeline.md", Page("Xronologiya", "timeline", 2, "Uydurma hadisələr."));
        Write(content, "pages/timeline.en.md", Page("Timeline", "timeline", 2, "Invented events."));
        Write(content, "pages/timeline.ru.md", Page("Хронология", "timeline", 2, "Вымышленные события."));
        Write(content, "timeline.yaml", TimelineYaml());

        // Streamed: 100,000 rows are about 80 MB, no need to hold them.
        using var csv = new StreamWriter(Path.Combine(content, "people.csv"), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        csv.NewLine = "\n";
        csv.WriteLine(Header);
        for (var i = 0; i < people; i++)
        {
            csv.WriteLine(string.Join(',', Row(i).Select(Cell)));
        }
    }

    private const string SiteYaml = """
        title: Synthetic Register
        tagline: An invented register of names for measuring build speed
        description: Fictional people, generated to measure a register of names at scale.
        author: The benchmark
        base_url: https://bench.example.org/
        language: az
        languages:
          az:
            name: Azərbaycanca
            culture: az-Latn-AZ
            title: Sınaq reyestri
          en:
            name: English
            culture: en-GB
            title: Synthetic Register
          ru:
            name: Русский
            culture: ru-RU
            title: Тестовый реестр

        """;

    private static string Page(string title, string layout, int weight, string body) =>
        $"---\ntitle: \"{title}\"\nlayout: {layout}\nweight: {weight}\n---\n\n{body}\n";

    public static string EventId(int k) => string.Create(CultureInfo.InvariantCulture, $"test-event-{k + 1:D2}");

    /// <summary>20 events in January 1990, each with an explicit id (a site in several languages needs one) and texts per language.</summary>
    private static string TimelineYaml()
    {
        var text = new StringBuilder("# Invented events for the register benchmark (tests/BlackJanuary.Benchmarks/SyntheticRegister.cs).\n");
        for (var k = 0; k < EventCount; k++)
        {
            var place = Places[k * 7 % Places.Count];
            text.Append(CultureInfo.InvariantCulture, $"""
                - id: {EventId(k)}
                  date: 1990-01-{5 + k:D2}
                  title:
                    az: "Sınaq hadisəsi {k + 1}"
                    en: "Test event {k + 1}"
                    ru: "Тестовое событие {k + 1}"
                  place: "{place}"
                  body:
                    az: |
                      Bu hadisə uydurmadır.
                    en: |
                      This event is invented, for a benchmark.
                    ru: |
                      Это событие выдумано.
                  sources:
                    - title: "Test register of events"
                      url: https://example.org/events

                """);
        }

        return text.ToString();
    }

    /// <summary>Person i's cells, in the order of <see cref="Header"/>.</summary>
    public static string[] Row(int i)
    {
        var random = new SyntheticSite.SplitMix(0xBE0B_1E00_0000 + (ulong)i);
        var given = Given[random.Next(Given.Length)];
        var family = Family[random.Next(Family.Length)];
        var f = given.Female;
        var n = (i + 1).ToString(CultureInfo.InvariantCulture);
        var familyAz = f ? family.AzF : family.Az;
        var name = $"{given.Az} {familyAz} {n}";
        var nameEn = $"{given.En} {(f ? family.EnF : family.En)} {n}";
        var nameRu = $"{given.Ru} {(f ? family.RuF : family.Ru)} {n}";
        // A Russian-route transliteration, and the name family first with a comma, as lists printed it.
        var alsoKnownAs = $"{given.RuRoute} {(f ? family.RuRouteF : family.RuRoute)} {n};{familyAz}, {given.Az} {n}";

        // Most died on the night of 19–20 January 1990 or the day around it; some dates are known only to the month or the year.
        var deathKind = random.Next(20);
        var died = deathKind switch
        {
            < 3 => "1990-01-19",
            < 15 => "1990-01-20",
            < 18 => "1990-01-21",
            18 => "1990-01",
            _ => "1990",
        };
        var birthYear = 1920 + random.Next(56);
        var birth = new DateOnly(birthYear, 1 + random.Next(12), 1 + random.Next(28));
        var bornKind = random.Next(10);
        var born = bornKind switch
        {
            < 7 => birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            < 9 => birthYear.ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
        // An age only where it follows from two full dates, or where no birth date is known (then nothing contradicts it).
        var age = bornKind < 7 && died.Length == 10 ? AgeAt(birth, DateOnly.ParseExact(died, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
            : bornKind == 9 ? (1990 - birthYear).ToString(CultureInfo.InvariantCulture)
            : "";

        var place = Places[random.Next(Places.Count)];
        var residence = random.Next(4) == 0 ? "" : $"Sınaq küçəsi {1 + random.Next(120)}, {Places[random.Next(Places.Count)]}";
        var occupation = Occupations[random.Next(Occupations.Length)];
        var eventCount = random.Next(3);
        var first = random.Next(EventCount);
        var events = eventCount switch
        {
            0 => "",
            1 => EventId(first),
            _ => $"{EventId(first)};{EventId((first + 1 + random.Next(EventCount - 1)) % EventCount)}",
        };
        var tags = random.Next(2) == 0 ? Tags[random.Next(Tags.Length)] : $"test;{Tags[1 + random.Next(Tags.Length - 1)]}";
        var biography = $"{nameEn} is an invented person, made by a program to measure a register of names; nobody of this name is remembered here. " +
            $"In this fiction they lived in {place} and were *{random.Word()} {random.Word()}*. {random.Sentence()} " +
            $"Neighbours called them \"the {random.Word()} of {place}\", so the made-up story goes. {random.Paragraph(2)}";
        return [$"test-person-{i + 1:D6}", name, nameEn, nameRu, familyAz, given.Az, alsoKnownAs, born, died, age, place, residence, occupation, events, Source, SourceUrl, tags, biography];
    }

    private static int AgeAt(DateOnly born, DateOnly died) =>
        died.Year - born.Year - (died.Month < born.Month || (died.Month == born.Month && died.Day < born.Day) ? 1 : 0);

    /// <summary>RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void Write(string dir, string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
