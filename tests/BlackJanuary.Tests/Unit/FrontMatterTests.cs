using BlackJanuary.Content;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Tests.Unit;

public class FrontMatterTests
{
    [Fact]
    public void Splits_yaml_from_body_and_knows_where_each_starts()
    {
        var bag = new DiagnosticBag();
        var parts = FrontMatter.Split("---\ntitle: A\ndate: 2001-02-03\n---\n# Body\ntext\n", "p.md", bag);
        Assert.NotNull(parts);
        Assert.Equal("title: A\ndate: 2001-02-03", parts.Yaml);
        Assert.Equal(2, parts.YamlFirstLine);
        Assert.Equal("# Body\ntext\n", parts.Body);
        Assert.Equal(5, parts.BodyFirstLine);
        Assert.False(bag.HasErrors);
    }

    [Theory]
    [InlineData("---\n---\nbody", "", "body", 3)]
    [InlineData("---\na: 1\n---", "a: 1", "", 4)]
    [InlineData("---  \na: 1\n...  \nx\n", "a: 1", "x\n", 4)]
    [InlineData("---\n\n---\n", "", "", 4)]
    [InlineData("---\na\nb\n---\n\n", "a\nb", "\n", 5)]
    [InlineData("---\na: ---\n --- \n---\nb\n", "a: ---\n --- ", "b\n", 5)]
    public void The_closing_line_may_end_the_file_follow_at_once_or_carry_spaces(string text, string yaml, string body, int bodyFirstLine)
    {
        var parts = FrontMatter.Split(text, "p.md", new DiagnosticBag());
        Assert.NotNull(parts);
        Assert.Equal((yaml, body, bodyFirstLine), (parts.Yaml, parts.Body, parts.BodyFirstLine));
    }

    [Fact]
    public void A_file_without_front_matter_is_all_body()
    {
        var parts = FrontMatter.Split("# Just text\n", "p.md", new DiagnosticBag());
        Assert.NotNull(parts);
        Assert.Equal("", parts.Yaml);
        Assert.Equal("# Just text\n", parts.Body);
    }

    [Fact]
    public void An_unclosed_front_matter_is_an_error_at_its_start()
    {
        var bag = new DiagnosticBag();
        Assert.Null(FrontMatter.Split("---\ntitle: A\n# Body\n", "p.md", bag));
        var d = Assert.Single(bag.Sorted());
        Assert.Equal("p.md(1,1): error BJ1006: front matter opened with '---' is never closed; add a line '---' after the last front matter key", d.Format());
    }
}
