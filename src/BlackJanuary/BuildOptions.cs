namespace BlackJanuary;

public sealed record BuildOptions(
    string ContentDir = "content",
    string TemplatesDir = "templates",
    string OutputDir = "_site",
    string? BaseUrl = null,
    bool Drafts = false,
    bool Strict = false,
    DateOnly? Today = null,
    string? CacheDir = null)
{
    /// <summary>
    /// Whether the build fails when an address of content/urls.lock is gone (the default). Off
    /// only for 'urls update', which builds the site to write the lock anew.
    /// </summary>
    public bool KeepLockedUrls { get; init; } = true;

    /// <summary>
    /// Where images made by earlier builds are kept (--cache): '.blackjanuary/cache' in the site's
    /// root, the folder that holds the content folder, as Hugo keeps 'resources/_gen' beside its content.
    /// </summary>
    public string Cache => CacheDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ContentDir)) ?? ".", ".blackjanuary", "cache");

    /// <summary>
    /// The build's date, which decides whether an embargo is over: <see cref="Today"/> when given
    /// (--now), else the day of SOURCE_DATE_EPOCH (reproducible builds), else today in UTC.
    /// </summary>
    public DateOnly BuildDate()
    {
        if (Today is { } today)
        {
            return today;
        }

        return long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime)
            : DateOnly.FromDateTime(DateTime.UtcNow);
    }
}
