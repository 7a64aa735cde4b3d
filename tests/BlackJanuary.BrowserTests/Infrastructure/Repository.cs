namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>Paths inside the repository, found from the test binary so the tests run from any working directory.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Fixtures => Path.Combine(Root, "tests", "BlackJanuary.BrowserTests", "Fixtures");

    /// <summary>Where tests/run.sh installs the tools from npm, outside the repository: $XDG_CACHE_HOME (default ~/.cache)/blackjanuary.</summary>
    public static string ToolCache { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "blackjanuary");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlackJanuary.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BlackJanuary.sln not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository");
    }
}
