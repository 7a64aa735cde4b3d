using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

public class YamlTests
{
    [Fact]
    public void Syntax_errors_carry_the_yaml_position_shifted_by_where_the_yaml_starts()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse("title: A\ndate: [1990\n", "p.md", firstLine: 2, bag));
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal("p.md", d.Location.File);
        Assert.True(d.Location.Line >= 3, d.Format());
    }

    [Fact]
    public void Alias_bombs_are_refused()
    {
        var yaml = new StringBuilder("a: &a [x, x]\n");
        for (var i = 0; i < 40; i++)
        {
            yaml.Append(CultureInfo($"b{i}: &b{i} [*a, *a]\n"));
        }

        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse(yaml.ToString(), "t.yaml", 1, bag));
        Assert.Equal(DiagnosticCodes.YamlTooComplex, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse(new string('[', 100) + new string(']', 100), "t.yaml", 1, bag));
        Assert.Equal(DiagnosticCodes.YamlTooComplex, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        var bag = new DiagnosticBag();
        byte[] bytes = [.. "title: ok\nplace: Bak"u8, 0xFF, .. "u\n"u8];
        Assert.Null(TextFile.Decode(bytes, "t.yaml", bag));
        Assert.Equal("t.yaml(2,11): error BJ1002: the file is not valid UTF-8 at byte 20 (0xFF); save it as UTF-8 in your editor", Assert.Single(bag.Sorted()).Format());
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        var text = TextFile.Decode([0xEF, 0xBB, 0xBF, .. "a: 1\r\nb: 2\r\n"u8], "t.yaml", new DiagnosticBag());
        Assert.Equal("a: 1\nb: 2\n", text);
    }

    private static string CultureInfo(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
