namespace BlackJanuary.Tests.Support;

public static class RepoPaths
{
    /// <summary>The repository root, found from the test binaries so tests run from any folder.</summary>
    public static string Root { get; } = Find();

    public static string Fixtures => Path.Combine(Root, "tests", "BlackJanuary.Tests", "Fixtures");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlackJanuary.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BlackJanuary.sln not found above " + AppContext.BaseDirectory);
    }
}
