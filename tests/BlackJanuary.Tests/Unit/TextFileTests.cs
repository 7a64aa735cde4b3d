using BlackJanuary.Content;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

public class TextFileTests
{
    /// <summary>Every UTF-16 code unit, against the rule as the documentation states it.</summary>
    [Fact]
    public void Forbidden_characters_are_the_controls_but_tab_and_line_feed_and_the_two_noncharacters()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var forbidden = (c < 0x20 && c is not ('\t' or '\n')) || (c >= 0x7F && c <= 0x9F) || c is 0xFFFE or 0xFFFF;
            Assert.True(TextFile.FirstForbiddenCharacter("ab" + (char)c + "\u0001") == (forbidden ? 2 : 3), $"U+{c:X4}");
        }
    }
}
