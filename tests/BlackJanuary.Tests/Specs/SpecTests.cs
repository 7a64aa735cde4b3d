using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Specs;

/// <summary>Every spec file in Specs/Cases, each a test named by its description (see README.md).</summary>
public class SpecTests
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "BlackJanuary.Tests", "Specs", "Cases");

    public static IEnumerable<TheoryDataRow<string>> SpecFiles() =>
        Directory.EnumerateFiles(Folder, "*.txtar").Order(StringComparer.Ordinal).Select(path =>
        {
            var file = Path.GetFileName(path);
            return new TheoryDataRow<string>(file) { TestDisplayName = $"{Description(path) ?? "(spec cannot be read)"} [{file}]" };
        });

    /// <summary>The spec's description, or null when the spec cannot be read: the test then fails with the reason.</summary>
    private static string? Description(string path)
    {
        try
        {
            return SpecParser.Parse(Path.GetFileName(path), File.ReadAllText(path)).Description;
        }
        catch (SpecFormatException)
        {
            return null;
        }
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void The_engine_does_what_the_spec_file_says(string file)
    {
        var spec = SpecParser.Parse(file, File.ReadAllText(Path.Combine(Folder, file)));
        var failures = SpecRunner.Run(spec);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>A moved or renamed folder must fail here rather than run no spec at all.</summary>
    [Fact]
    public void The_spec_folder_holds_the_spec_files()
    {
        Assert.True(Directory.EnumerateFiles(Folder, "*.txtar").Count() >= 12, $"too few spec files in {Folder}");
        Assert.All(Directory.EnumerateFiles(Folder), f => Assert.EndsWith(".txtar", f, StringComparison.Ordinal));
    }
}
