namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// Finds the machine's Chromium. Playwright cannot download its own browsers here, so the tests
/// use Debian's package; when it is missing the tests fail and say how to install it.
/// </summary>
public static class Chromium
{
    /// <summary>Headless, and nothing that phones home: a request to any other origin is a test failure.</summary>
    public static IReadOnlyList<string> LaunchArgs { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CHROMIUM_PATH is set to '{configured}', which does not exist. {HowToInstall}");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .Append("/usr/bin/chromium")
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException($"Chromium was not found on PATH or at /usr/bin/chromium. {HowToInstall}");
    }

    private const string HowToInstall =
        "The browser tests need Debian's Chromium (they cannot download a browser): tests/run.sh installs it, or by hand " +
        "`sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium executable.";
}
