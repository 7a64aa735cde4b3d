using System.Globalization;
using System.Text.RegularExpressions;

namespace BlackJanuary.Model;

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A date known to a year, a month or a day. Historical sources often give no more than a year,
/// and the site must not show a precision the source does not have.
/// </summary>
public sealed partial record PartialDate(int Year, int Month, int Day, DatePrecision Precision) : IComparable<PartialDate>
{
    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    // [0-9], not \d: \d matches every script's digits, which int.Parse would then refuse.
    [GeneratedRegex(@"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static bool TryParse(string text, out PartialDate date)
    {
        date = null!;
        var m = Shape().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        if (!m.Groups[2].Success)
        {
            date = new PartialDate(year, 1, 1, DatePrecision.Year);
            return true;
        }

        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        if (!m.Groups[3].Success)
        {
            date = new PartialDate(year, month, 1, DatePrecision.Month);
            return true;
        }

        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new PartialDate(year, month, day, DatePrecision.Day);
        return true;
    }

    /// <summary>The ISO form at this precision, valid in an HTML <c>time</c> element's datetime.</summary>
    public string Iso => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <summary>How a reader sees it: "1990", "January 1990", "20 January 1990".</summary>
    public string Text => Precision switch
    {
        DatePrecision.Year => Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{MonthNames[Month - 1]} {Year.ToString(CultureInfo.InvariantCulture)}",
        _ => $"{Day.ToString(CultureInfo.InvariantCulture)} {MonthNames[Month - 1]} {Year.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>The first day the date can mean, for feeds and sitemaps that need a full date.</summary>
    public DateOnly Start => new(Year, Month, Day);

    /// <summary>The last day the date can mean: 31 December for a year, the month's last day for a month.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => Start,
    };

    /// <summary>Chronological; a coarser date sorts before finer dates inside it ("1990" before "1990-01-20").</summary>
    public int CompareTo(PartialDate? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public override string ToString() => Iso;
}
