using System.Text.Json;
using System.Text.RegularExpressions;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Register;

/// <summary>The register of names as visitors and reusers get it: pages, lists, events, data files.</summary>
public sealed partial class RegisterTests : IDisposable
{
    private readonly RegisterFixture _site = new();

    public RegisterTests()
    {
        var run = _site.Build("--strict");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    public void Dispose() => _site.Dispose();

    [GeneratedRegex("<a href=\"[^\"]*/people/([a-z-]+)/\"")]
    private static partial Regex PersonLink();

    private List<string> PeopleListed(string page) => [.. PersonLink().Matches(Main(page)).Select(m => m.Groups[1].Value)];

    private string Main(string page)
    {
        var html = _site.Read(page);
        return html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
    }

    [Fact]
    public void Each_published_person_has_a_page_in_every_language_with_the_name_in_that_language_and_the_others_marked_with_theirs()
    {
        foreach (var id in new[] { "test-person-one", "test-person-two", "test-person-three", "test-person-four" })
        {
            Assert.True(_site.Exists($"people/{id}/index.html"), id);
            Assert.True(_site.Exists($"en/people/{id}/index.html"), id);
            Assert.True(_site.Exists($"ru/people/{id}/index.html"), id);
        }

        var en = Main("en/people/test-person-one/index.html");
        Assert.Contains("<h1>Test Person One</h1>", en);
        Assert.Contains("<span lang=\"az\">Test Şəxs Bir</span>", en);
        Assert.Contains("<span lang=\"ru\">Тестовый Человек Один</span>", en);
        Assert.Contains("Test Shakhs Bir", en);
        // A person without an English name is shown by the default language's, marked as such.
        Assert.Contains("<h1 lang=\"az\">Ədalət Yoxlamalı</h1>", Main("en/people/test-person-four/index.html"));
    }

    [Fact]
    public void A_person_page_shows_dates_in_the_page_culture_and_precision_the_place_the_photo_with_its_credit_the_biography_sources_and_events()
    {
        var ru = Main("ru/people/test-person-one/index.html");
        Assert.Contains("<time datetime=\"1960\">1960</time>", ru);
        Assert.Contains("<time datetime=\"1990-01-20\">20 января 1990\u202fг.</time>", ru);
        Assert.Contains(">Тестабад</a>", ru);
        Assert.Contains("alt=\"A grey test square standing for a photo\"", ru);
        Assert.Contains("Test Archive", ru);
        // The translation of the biography is used on the Russian page; English has none, so the default language's is marked.
        Assert.Contains("Вымышленный человек", ru);
        Assert.Contains("<div class=\"prose\" lang=\"az\">", Main("en/people/test-person-one/index.html"));
        Assert.Contains("href=\"https://example.org/register\"", ru);
        Assert.Contains("/memorial/ru/timeline/#test-event-one\">Тестовое событие один</a>", ru);
        Assert.Contains("<time datetime=\"1960\">1960</time>", Main("people/test-person-one/index.html"));
    }

    [Fact]
    public void A_person_page_carries_json_ld_of_the_person()
    {
        var html = _site.Read("en/people/test-person-one/index.html");
        var json = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>").Groups[1].Value;
        var person = JsonDocument.Parse(json).RootElement.GetProperty("@graph").EnumerateArray().Single(e => e.GetProperty("@type").GetString() == "Person");
        Assert.Equal("Test Person One", person.GetProperty("name").GetString());
        Assert.Equal("1990-01-20", person.GetProperty("deathDate").GetString());
        Assert.Equal("Testabad", person.GetProperty("deathPlace").GetProperty("name").GetString());
        Assert.Equal(["Test Şəxs Bir", "Тестовый Человек Один", "Test Shakhs Bir"], person.GetProperty("alternateName").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void The_index_is_sorted_by_each_language_s_collation_and_grouped_by_its_letters()
    {
        // Azerbaijani: by family name where given; Ç after C, Ş after S.
        Assert.Equal(["test-person-two", "test-person-three", "test-person-one", "test-person-four"], PeopleListed("people/index.html"));
        Assert.Equal(["Ç", "S", "Ş", "Y"], Letters("people/index.html"));
        // Russian: by the family name as Russian writes it (Синаглы), else by the Russian spelling of
        // the name (Тестовый…, Чай…), the name without one after the Cyrillic letters.
        Assert.Equal(["test-person-three", "test-person-one", "test-person-two", "test-person-four"], PeopleListed("ru/people/index.html"));
        Assert.Equal(["С", "Т", "Ч", "Y"], Letters("ru/people/index.html"));
        // English reads Ç as C and Ş as S.
        Assert.Equal(["test-person-two", "test-person-three", "test-person-one", "test-person-four"], PeopleListed("en/people/index.html"));
        Assert.Equal(["Ç", "I", "T", "Y"], Letters("en/people/index.html"));
    }

    private List<string> Letters(string page) =>
        [.. Regex.Matches(Main(page), "<h2 id=\"l-[0-9]+\" class=\"register-letter\">([^<]+)</h2>").Select(m => m.Groups[1].Value)];

    [Fact]
    public void The_index_takes_its_title_and_introduction_from_pages_people_md_and_lists_places_dates_and_days_without_script()
    {
        var index = Main("people/index.html");
        Assert.Contains("<h1>Adlar siyahısı</h1>", index);
        Assert.Contains("Uydurma adların siyahısı.", index);
        Assert.Contains("<details class=\"register-filters\">", index);
        Assert.Contains("href=\"/memorial/people/places/s%C4%B1naqabad/\">Sınaqabad</a> <span class=\"count\">(3)</span>", index);
        Assert.Contains("href=\"/memorial/people/died/1990/\">1990</a> <span class=\"count\">(4)</span>", index);
        Assert.Contains("href=\"/memorial/on-this-day/01-20/\">20 yanvar</a> <span class=\"count\">(2)</span>", index);
        Assert.DoesNotContain("<script", index);
    }

    [Fact]
    public void Place_and_date_lists_hold_exactly_their_people()
    {
        Assert.Equal(["test-person-two", "test-person-one", "test-person-four"], PeopleListed("people/places/sınaqabad/index.html"));
        Assert.Equal(["test-person-three"], PeopleListed("people/places/numunəkənd/index.html"));
        // A year holds everyone who died in it, a month and a day only those dated so precisely.
        Assert.Equal(4, PeopleListed("people/died/1990/index.html").Count);
        Assert.Equal(3, PeopleListed("people/died/1990/01/index.html").Count);
        Assert.Equal(["test-person-two", "test-person-one"], PeopleListed("people/died/1990/01/20/index.html"));
        Assert.Contains("<h1>Names — Died 20 January 1990</h1>", _site.Read("en/people/died/1990/01/20/index.html"));
    }

    [Fact]
    public void On_this_day_lists_the_people_who_died_on_that_day_and_the_events_of_the_day()
    {
        var day = Main("en/on-this-day/01-20/index.html");
        Assert.Contains("<h1>On this day: 20 January</h1>", day);
        Assert.Contains("/memorial/en/timeline/#test-event-one\">Test event one</a>", day);
        Assert.Equal(["test-person-two", "test-person-one"], PeopleListed("en/on-this-day/01-20/index.html"));
        Assert.False(_site.Exists("en/on-this-day/01-19/index.html"));
    }

    [Fact]
    public void Each_event_on_the_timeline_lists_the_people_whose_record_names_it()
    {
        var timeline = Main("en/timeline/index.html");
        var one = timeline[timeline.IndexOf("id=\"test-event-one\"", StringComparison.Ordinal)..timeline.IndexOf("id=\"test-event-two\"", StringComparison.Ordinal)];
        // In the order of the language's alphabet, by the name as the page shows it: Çay before Test.
        Assert.Equal(["test-person-two", "test-person-one"], PersonLink().Matches(one).Select(m => m.Groups[1].Value));
        var two = timeline[timeline.IndexOf("id=\"test-event-two\"", StringComparison.Ordinal)..];
        Assert.Equal(["test-person-two", "test-person-three"], PersonLink().Matches(two).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void The_data_files_hold_the_published_records_in_one_file_for_every_language_described_by_a_data_package()
    {
        var csv = _site.Read("people.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,url,name,names.en,names.ru,family_name,given_name,family_name.en,family_name.ru,also_known_as,born,died,age,place,place.en,place.ru,residence,occupation,photo,photo_credit,events,source,source_url,source_archived,source_accessed", csv[0]);
        Assert.Equal(5, csv.Length);
        var people = JsonDocument.Parse(_site.Read("people.json")).RootElement;
        Assert.Equal(["test-person-three", "test-person-four", "test-person-one", "test-person-two"], people.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("Тестовый Человек Один", people[2].GetProperty("names.ru").GetString());
        var package = JsonDocument.Parse(_site.Read("datapackage.json")).RootElement;
        Assert.Equal("data-package", package.GetProperty("profile").GetString());
        var fields = package.GetProperty("resources")[0].GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString());
        Assert.Equal(csv[0].Split(','), fields);
        Assert.Equal("people.json", package.GetProperty("resources")[1].GetProperty("path").GetString());
    }

    [Fact]
    public void Every_person_page_is_in_the_sitemap_with_its_translations_and_no_person_is_in_a_feed()
    {
        var sitemap = _site.Read("sitemap.xml");
        Assert.Contains("<loc>https://example.org/memorial/ru/people/test-person-one/</loc>", sitemap);
        Assert.Contains("hreflang=\"en\" href=\"https://example.org/memorial/en/people/test-person-one/\"", sitemap);
        foreach (var feed in new[] { "feed.xml", "en/feed.xml", "ru/feed.xml" })
        {
            Assert.DoesNotContain("/people/", _site.Read(feed));
        }
    }
}
