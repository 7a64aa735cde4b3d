using BlackJanuary.Content;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

public class SuggestTests
{
    [Theory]
    [InlineData("titel", "title")]
    [InlineData("sumary", "summary")]
    [InlineData("imagealt", "image_alt")]
    [InlineData("Layout", "layout")]
    public void Suggests_the_key_an_editor_probably_meant(string typo, string meant) =>
        Assert.Equal(meant, Suggest.Nearest(typo, PageLoader.PageKeys));

    [Fact]
    public void Suggests_nothing_for_a_word_far_from_every_key() => Assert.Null(Suggest.Nearest("colour", PageLoader.PageKeys));
}
