using BlackJanuary.Checks;

namespace BlackJanuary.Tests.Unit;

public sealed class DuplicateIdsTests
{
    [Theory]
    [InlineData("""<h2 id="a">x</h2><p id="b">y</p>""", "a b")]
    [InlineData("""<a href="#x" id="c">d</a>""", "c")]
    [InlineData("<h2\nid=\"a\">x</h2>", "a")]
    // Not attributes: 'id=' glued to another name, text that mentions one, an empty value.
    [InlineData("""<p data-id="a" xid="b">c</p>""", "")]
    [InlineData("""<p>write id=&quot;a&quot; or id="b" in text</p>""", "")]
    [InlineData("""<p id="">c</p>""", "")]
    [InlineData("""id="a" at the start""", "")]
    public void Finds_only_id_attributes_inside_tags(string html, string expected) =>
        Assert.Equal(expected, string.Join(' ', DuplicateIds.Ids(html)));
}
