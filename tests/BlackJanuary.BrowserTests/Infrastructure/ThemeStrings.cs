namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// The default theme's UI strings (templates/i18n/&lt;language&gt;.yaml, a flat map of
/// <c>key: text</c>), so that a check can expect the words of the page's own language.
/// </summary>
public static class ThemeStrings
{
    /// <summary>
    /// The theme's text for <paramref name="key"/> in <paramref name="language"/> (a code such as
    /// "ru"; a regional code such as "ru-RU" is looked up by its language), falling back to
    /// <paramref name="fallback"/> when the theme has no file or no such key for that language.
    /// </summary>
    public static string Get(string language, string key, string fallback)
    {
        var code = language.Split('-')[0].ToLowerInvariant();
        var file = Path.Combine(Repository.Templates, "i18n", code + ".yaml");
        if (!File.Exists(file))
        {
            return fallback;
        }

        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var value = line[(key.Length + 1)..].Trim();
                if (value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'')
                {
                    value = value[1..^1];
                }

                return value.Length > 0 ? value : fallback;
            }
        }

        return fallback;
    }
}
