using System.Globalization;
using System.Text;

namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// The register of names (issue 20) as a visitor sees it: the unit tests' register fixture
/// (three languages, fictional people), copied and given enough extra fictional rows in
/// people.csv that the index runs to a second page, built with the default theme and served
/// under /register/ by its own <see cref="SiteServer"/>. Built once for the test classes that use it.
/// </summary>
public sealed class RegisterSite : IAsyncLifetime
{
    /// <summary>The index shows 100 names a page: this many more make a second page in every language.</summary>
    public const int ExtraPeople = 110;

    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"blackjanuary-register-{Guid.NewGuid():N}");
    private SiteServer? _server;
    private BuiltSite? _site;

    public static string Source => Path.Combine(Repository.Root, "tests", "BlackJanuary.Tests", "Fixtures", "register", "content");

    public BuiltSite Site => _site ?? throw new InvalidOperationException("the register site has not been built");

    /// <summary>The address of <paramref name="path"/> (e.g. "people/") in <paramref name="language"/>: az at the root, the others under their code.</summary>
    public Uri Url(string language, string path) => Site.UrlOf((language == "az" ? "" : language + "/") + path);

    /// <summary>The pages the checks look at in one language: a person, the index and its second page, an "on this day" page and the timeline (the people of each event).</summary>
    public IReadOnlyList<(string Name, Uri Url)> Pages(string language) =>
    [
        ("person", Url(language, "people/test-person-one/")),
        ("index", Url(language, "people/")),
        ("index page 2", SecondIndexPage(language)),
        ("on this day", Url(language, "on-this-day/01-20/")),
        ("timeline", Url(language, "timeline/")),
    ];

    public async ValueTask InitializeAsync()
    {
        var content = Path.Combine(_temp, "content");
        var output = Path.Combine(_temp, "register");
        Copy(Source, content);
        AddPeople(Path.Combine(content, "people.csv"));
        Directory.CreateDirectory(output);
        _server = await SiteServer.StartAsync([new Mount("/register/", output)]);
        _site = new BuiltSite("register", output, new Uri(_server.Origin, "/register/"));
        await Task.Run(() =>
        {
            var result = new SiteBuilder(new BuildOptions(
                ContentDir: content,
                TemplatesDir: Repository.Templates,
                OutputDir: output,
                BaseUrl: _site.BaseUrl.AbsoluteUri,
                Today: new DateOnly(2026, 12, 6)), BuildMode.Disk).Build();
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"building the register fixture failed:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Format(Repository.Root)))}");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    /// <summary>The index's second page, as its pagination links to it (the first link with rel="next").</summary>
    private Uri SecondIndexPage(string language)
    {
        var file = (language == "az" ? "" : language + "/") + "people/index.html";
        var next = Checks.MarkupChecks.Parse(Site.ReadFile(file)).QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href")
            ?? throw new InvalidOperationException($"{file} has no link to a next page: the register fixture is too small to paginate");
        return new Uri(Url(language, "people/"), next);
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    /// <summary>
    /// People for the search (issue 21), each named in one script only or in all three, so that a
    /// query in one spelling must find the others: "Sınaq" and "Тест" are "test", "Nümunəli" is
    /// made from "sample". The last is not published: no query may find it.
    /// </summary>
    public static readonly IReadOnlyList<(string Id, string Name, string En, string Ru, string Publish)> SearchPeople =
    [
        ("test-search-hasanov", "Sınaq Həsənov", "", "", ""),
        ("test-search-gasanova", "Тест Гасанова", "", "", ""),
        ("test-search-heydar", "Heydər Nümunəli", "Heydar Numunali", "Гейдар Нумунали", ""),
        ("test-search-hidden", "Gizlinov Həsənov", "", "", "false"),
    ];

    /// <summary>
    /// Rows of obviously fictional people ("Test 001" in each script), their first letters spread
    /// over each alphabet so that the jump list has many letters, with a year of death only (so
    /// that the "on this day" pages keep the fixture's own people).
    /// </summary>
    private static void AddPeople(string csv)
    {
        string[] az = ["A", "B", "C", "Ç", "D", "E", "Ə", "F", "G", "Ğ", "H", "X", "I", "İ", "J", "K", "Q", "L", "M", "N", "O", "Ö", "P", "R", "S", "Ş", "T", "U", "Ü", "V", "Y", "Z"];
        string[] ru = ["А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П", "Р", "С", "Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Э", "Ю", "Я"];
        var header = File.ReadLines(csv).First().Split(',');
        var text = new StringBuilder(File.ReadAllText(csv).TrimEnd('\n', '\r')).Append('\n');
        void Add(string id, string name, string en, string ru, string place, string publish = "") =>
            text.Append(string.Join(',', header.Select(column => column switch
            {
                "id" => id,
                "name" => name,
                "names.en" => en,
                "names.ru" => ru,
                "died" => "1991",
                "place" => place,
                "source" => "Test register of names",
                "publish" => publish,
                _ => "",
            }))).Append('\n');

        for (var i = 1; i <= ExtraPeople; i++)
        {
            var n = i.ToString("000", CultureInfo.InvariantCulture);
            Add($"test-extra-{n}", $"{az[i % az.Length]}. Sınaq {n}", $"{(char)('A' + (i % 26))}. Test {n}", $"{ru[i % ru.Length]}. Тест {n}", i % 2 == 0 ? "Sınaqabad" : "Nümunəkənd");
        }

        foreach (var person in SearchPeople)
        {
            Add(person.Id, person.Name, person.En, person.Ru, "Sınaqabad", person.Publish);
        }

        File.WriteAllText(csv, text.ToString());
    }
}
