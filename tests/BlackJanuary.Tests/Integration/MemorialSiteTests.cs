using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>The real memorial content with the default theme, as CI builds it.</summary>
public class MemorialSiteTests
{
    [Fact]
    public void The_memorial_builds_under_strict_with_no_warning()
    {
        var output = Path.Combine(Path.GetTempPath(), "bj-memorial-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = Cli.App.Run(
                ["build", "--content", Path.Combine(RepoPaths.Root, "content"), "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", output, "--strict"],
                stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            Assert.Equal("", stderr.ToString());

            var timeline = File.ReadAllText(Path.Combine(output, "timeline", "index.html"));
            Assert.Contains("<time datetime=\"1990-01-20\">20 January 1990</time>", timeline, StringComparison.Ordinal);
            Assert.Contains("<time datetime=\"1994-03-29\">29 March 1994</time>", timeline, StringComparison.Ordinal);
            foreach (var page in new[] { "index.html", "timeline/index.html", "sources/index.html", "about/index.html", "404.html" })
            {
                Assert.True(File.Exists(Path.Combine(output, page)), page);
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
}
