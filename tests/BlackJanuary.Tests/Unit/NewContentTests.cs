using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Tests.Support;
using BlackJanuary.Reading;
using BlackJanuary.Scaffolding;

namespace BlackJanuary.Tests.Unit;

public class NewContentTests
{
    private static readonly DateOnly Today = new(2025, 1, 20);

    [Fact]
    public void A_page_gets_title_date_an_empty_summary_and_draft_and_an_empty_body()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        var bag = new DiagnosticBag();
        var file = NewContent.CreatePage(site.Content, "about.md", "About: the memorial", Today, bag);
        Assert.Empty(bag.Sorted());
        Assert.Equal(Path.Combine(site.Content, "pages", "about.md"), file);
        Assert.Equal("---\ntitle: \"About: the memorial\"\ndate: 2025-01-20\nsummary: \"\"\ndraft: true\n---\n\n", File.ReadAllText(file!));
    }

    [Theory]
    [InlineData("black-january", "Black January")]
    [InlineData("history/1990.md", "1990")]
    [InlineData("history/index", "History")]
    [InlineData("səhidlər-xiyabanı", "Səhidlər Xiyabanı")]
    public void Without_a_title_the_file_name_becomes_one(string path, string title)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        var file = NewContent.CreatePage(site.Content, path, null, Today, new DiagnosticBag());
        Assert.StartsWith($"---\ntitle: {title}\n", File.ReadAllText(file!), StringComparison.Ordinal);
    }

    [Fact]
    public void The_home_page_is_titled_home()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false, withContent: false);
        Directory.CreateDirectory(Path.Combine(site.Content, "pages"));
        var file = NewContent.CreatePage(site.Content, "index", null, Today, new DiagnosticBag());
        Assert.StartsWith("---\ntitle: Home\n", File.ReadAllText(file!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Soviet troops enter Baku")]
    [InlineData("People's square, 1990 (Baku) - a/b")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("- x")]
    [InlineData("-")]
    [InlineData("---")]
    [InlineData("...")]
    [InlineData("a: b")]
    [InlineData("a:b")]
    [InlineData("x:")]
    [InlineData("a #b")]
    [InlineData("#x")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("back\\slash")]
    [InlineData("[a, b]")]
    [InlineData("{a: b}")]
    [InlineData("&anchor")]
    [InlineData("*alias")]
    [InlineData("!tag")]
    [InlineData("%directive")]
    [InlineData("@at")]
    [InlineData("`tick`")]
    [InlineData("| block")]
    [InlineData("> folded")]
    [InlineData("? key")]
    [InlineData(" leading and trailing ")]
    [InlineData("a\tb")]
    [InlineData("line\nbreak")]
    [InlineData("a\u2028b\u2029c")]
    [InlineData("\uFEFFbom")]
    [InlineData("Şəhidlər Xiyabanı")]
    [InlineData("emoji 🕯")]
    [InlineData("1990-01-20")]
    [InlineData("")]
    public void Yaml_scalars_read_back_as_the_same_text(string value)
    {
        var bag = new DiagnosticBag();
        var root = YamlDocument.Parse($"v: {NewContent.YamlScalar(value)}\n", "t.yaml", 1, bag);
        var text = new YamlFields((YamlDotNet.RepresentationModel.YamlMappingNode)root!, "t.yaml", 1, bag, "t").Text("v");
        Assert.Empty(bag.Sorted());
        Assert.Equal(value, text);
    }

    [Fact]
    public void Ordinary_titles_stay_unquoted_for_editors_to_read()
    {
        Assert.Equal("Soviet troops enter Baku", NewContent.YamlScalar("Soviet troops enter Baku"));
        Assert.Equal("\"Baku: 20 January\"", NewContent.YamlScalar("Baku: 20 January"));
    }

    [Fact]
    public void Crlf_line_ends_are_kept_and_a_missing_final_newline_is_added_first()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        site.WriteBytes("content/timeline.yaml", "- date: 1900\r\n  title: A"u8.ToArray());
        var added = NewContent.AddEvent(site.Content, new NewEvent("1901", "B"), new DiagnosticBag());
        Assert.Equal(new AddedEvent(Path.Combine(site.Content, "timeline.yaml"), "1901-b", CreatedFile: false), added);
        Assert.Equal("- date: 1900\r\n  title: A\r\n- date: 1901\r\n  title: B\r\n", File.ReadAllText(added!.File));
    }

    [Theory]
    [InlineData("-\n  date: 1900\n  title: A\n", "- date: 1901\n  title: B\n")]
    [InlineData("# only a comment\n", "\n- date: 1901\n  title: B\n")]
    [InlineData("", "- date: 1901\n  title: B\n")]
    [InlineData("- date: 1900\n  title: A\n  body: |+\n    kept\n\n- date: 1900\n  title: C\n  body: |+\n    kept", "\n\n- date: 1901\n  title: B\n")]
    public void The_new_item_follows_the_shape_of_the_file(string timeline, string appended)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        site.WriteBytes("content/timeline.yaml", Encoding.UTF8.GetBytes(timeline));
        var bag = new DiagnosticBag();
        var added = NewContent.AddEvent(site.Content, new NewEvent("1901", "B"), bag);
        Assert.True(added is not null, string.Join("\n", bag.Sorted()));
        Assert.Equal(timeline + appended, File.ReadAllText(added.File));
    }

    [Fact]
    public void An_event_that_would_change_how_the_file_reads_is_refused_and_the_file_is_put_back()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        // The block scalar ends the file without a line break: the break that must come before the
        // new item would become part of the title, "A" → "A\n".
        const string timeline = "- date: 1900\n  title: |\n    A";
        site.Write("content/timeline.yaml", timeline);
        var bag = new DiagnosticBag();
        Assert.Null(NewContent.AddEvent(site.Content, new NewEvent("1901", "B"), bag));
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.NewContentNotReadBack, d.Code);
        Assert.StartsWith("adding the event would have changed how timeline.yaml reads (the events did not read back as given), so the file was put back as it was", d.Message, StringComparison.Ordinal);
        Assert.Equal(timeline, File.ReadAllText(Path.Combine(site.Content, "timeline.yaml")));
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_before_anything_is_written()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        var bag = new DiagnosticBag();
        Assert.Null(NewContent.CreatePage(site.Content, "half", "Half \uD800 a character", Today, bag));
        Assert.Null(NewContent.AddEvent(site.Content, new NewEvent("1901", "Half \uD800 a character"), bag));
        Assert.All(bag.Sorted(), d => Assert.Equal(DiagnosticCodes.ForbiddenCharacter, d.Code));
        Assert.Equal(2, bag.Sorted().Count);
        Assert.False(File.Exists(Path.Combine(site.Content, "pages", "half.md")));
        Assert.False(File.Exists(Path.Combine(site.Content, "timeline.yaml")));
    }

    [Fact]
    public void Every_problem_with_the_values_of_an_event_is_reported_at_once()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        var bag = new DiagnosticBag();
        Assert.Null(NewContent.AddEvent(site.Content, new NewEvent("1990-02-30", " ", Place: "a\u0001b", Id: "Not A Slug"), bag));
        Assert.Equal(
            [DiagnosticCodes.ForbiddenCharacter, DiagnosticCodes.MissingField, DiagnosticCodes.InvalidDate, DiagnosticCodes.InvalidSlug],
            bag.Sorted().Select(d => d.Code).Order(StringComparer.Ordinal).ToArray());
        Assert.False(File.Exists(Path.Combine(site.Content, "timeline.yaml")));
    }
}
