using BlackJanuary.Content;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

public class SlugTests
{
    [Theory]
    [InlineData("Soviet troops enter Baku", "soviet-troops-enter-baku")]
    [InlineData("  The 32nd anniversary!  ", "the-32nd-anniversary")]
    [InlineData("Milli Majlis: the resolution", "milli-majlis-the-resolution")]
    [InlineData("Café déjà vu", "cafe-deja-vu")]
    [InlineData("Şəhidlər xiyabanı", "səhidlər-xiyabanı")]
    [InlineData("People's square", "peoples-square")]
    [InlineData("a -- b", "a-b")]
    public void Makes_lower_case_hyphenated_words(string text, string slug) => Assert.Equal(slug, Slug.From(text));

    [Theory]
    [InlineData("about", true)]
    [InlineData("year-1990", true)]
    [InlineData("../etc", false)]
    [InlineData("a/b", false)]
    [InlineData("About", false)]
    [InlineData("a--b", false)]
    [InlineData("", false)]
    public void Validates_one_safe_segment(string slug, bool valid) => Assert.Equal(valid, Slug.IsValid(slug));
}
