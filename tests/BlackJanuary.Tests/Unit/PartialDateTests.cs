using BlackJanuary.Model;

namespace BlackJanuary.Tests.Unit;

public class PartialDateTests
{
    [Theory]
    [InlineData("1990", "1990", "1990", DatePrecision.Year)]
    [InlineData("1990-01", "1990-01", "January 1990", DatePrecision.Month)]
    [InlineData("1990-01-20", "1990-01-20", "20 January 1990", DatePrecision.Day)]
    [InlineData("2024-02-29", "2024-02-29", "29 February 2024", DatePrecision.Day)]
    [InlineData(" 1994-03-29 ", "1994-03-29", "29 March 1994", DatePrecision.Day)]
    public void Keeps_the_precision_it_was_given(string text, string iso, string shown, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(iso, date.Iso);
        Assert.Equal(shown, date.Text);
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData("1990-13-20")]
    [InlineData("1990-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("1990-00")]
    [InlineData("90-01-20")]
    [InlineData("20 January 1990")]
    [InlineData("1990/01/20")]
    [InlineData("0000")]
    [InlineData("")]
    public void Rejects_what_is_not_a_date(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Sorts_chronologically_with_coarser_dates_first()
    {
        string[] texts = ["1994-03-29", "1990-01-20", "1990", "1987", "1990-01", "1990-01-19"];
        var dates = texts
            .Select(t => PartialDate.TryParse(t, out var d) ? d : throw new FormatException(t))
            .Order()
            .Select(d => d.Iso);
        Assert.Equal(["1987", "1990", "1990-01", "1990-01-19", "1990-01-20", "1994-03-29"], dates);
    }
}
