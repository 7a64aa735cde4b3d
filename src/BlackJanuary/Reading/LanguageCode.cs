using System.Text.RegularExpressions;

namespace BlackJanuary.Reading;

/// <summary>Language codes as file names and URLs carry them: "ru" in about.ru.md and /ru/about/.</summary>
public static partial class LanguageCode
{
    /// <remarks>Asked of every page's file name on every build, so the pattern is compiled ahead.</remarks>
    public static bool IsValid(string code) => Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
