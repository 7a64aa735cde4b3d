using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Builds Fixtures/golden and compares every output file with Fixtures/golden/expected. After an
/// intended change of output, regenerate with BJ_UPDATE_GOLDEN=1 and review the diff in git.
/// </summary>
public class GoldenTests
{
    [Fact]
    public void The_golden_fixture_builds_to_exactly_the_expected_files()
    {
        var fixture = Path.Combine(RepoPaths.Fixtures, "golden");
        var expectedDir = Path.Combine(fixture, "expected");
        var output = Path.Combine(Path.GetTempPath(), "bj-golden-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var stderr = new StringWriter();
            var code = Cli.App.Run(
                ["build", "--content", Path.Combine(fixture, "content"), "--templates", Path.Combine(fixture, "templates"), "--output", output, "--strict"],
                TextWriter.Null, stderr);
            Assert.True(code == 0, stderr.ToString());

            if (Environment.GetEnvironmentVariable("BJ_UPDATE_GOLDEN") == "1")
            {
                if (Directory.Exists(expectedDir))
                {
                    Directory.Delete(expectedDir, recursive: true);
                }

                CopyTree(output, expectedDir);
            }

            var actual = DiagnosticsTests.Snapshot(output);
            var expected = DiagnosticsTests.Snapshot(expectedDir);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (file, text) in expected)
            {
                Assert.True(text == actual[file], $"{file} differs from the expected output:\n{actual[file]}");
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
