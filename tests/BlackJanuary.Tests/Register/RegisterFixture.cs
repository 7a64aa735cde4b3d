using System.Text;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Register;

/// <summary>
/// The register fixture (Fixtures/register): fictional people in three scripts, in people/ and
/// people.csv, some kept out of the site. Copied to a scratch folder per test, so that a test may
/// change it, and built by the command line as an editor builds.
/// </summary>
public sealed class RegisterFixture : IDisposable
{
    /// <summary>The build's date: before the fixture's embargo (2999-01-01) ends.</summary>
    public const string Today = "2026-12-06";

    /// <summary>
    /// Every name, id and withheld value the fixture keeps out of the site: the unpublished and the
    /// embargoed records whole, and what test-person-two withholds (its residence and its birth, May 1970).
    /// </summary>
    public static readonly IReadOnlyList<string> Secrets =
    [
        "HIDDEN-NAME-UNPUBLISHED", "hidden-person", "HIDDEN-PLACE-UNPUBLISHED", "HIDDEN-BIOGRAPHY-UNPUBLISHED",
        "EMBARGOED-NAME", "embargoed-person", "EMBARGOED-PLACE", "EMBARGOED-BIOGRAPHY",
        "CSV-HIDDEN-NAME", "csv-hidden", "CSV-HIDDEN-PLACE",
        "SECRET-RESIDENCE-TWO", "1970-05", "May 1970", "мая 1970", "may 1970",
    ];

    private readonly ScratchFolder _scratch = new("bj-register-");

    public RegisterFixture()
    {
        Copy(Path.Combine(RepoPaths.Fixtures, "register"), Root);
    }

    public string Root => _scratch.Root;

    public string Content => Path.Combine(Root, "content");

    public string Output => Path.Combine(Root, "_site");

    public CliRun Build(params string[] extra) =>
        ScratchFolder.Run(["build", "--content", Content, "--templates", Path.Combine(Root, "templates"), "--output", Output, "--now", Today, .. extra]);

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Each secret found in a file of <paramref name="folder"/>, as "file: secret"; the bytes are searched as UTF-8, whatever the file.</summary>
    public static List<string> Leaks(string folder, IEnumerable<string> secrets)
    {
        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetRelativePath(folder, file);
            leaks.AddRange(secrets.Where(s => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0 || name.Contains(s, StringComparison.Ordinal)).Select(s => $"{name}: {s}"));
        }

        return leaks;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _scratch.Dispose();
}
