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

            // Azerbaijani at the root, English and Russian in their own trees, each with its dates.
            foreach (var (prefix, lang, day, month) in new[]
            {
                ("", "az", "20 yanvar 1990", "29 mart 1994"),
                ("en/", "en", "20 January 1990", "29 March 1994"),
                ("ru/", "ru", "20 января 1990 г.", "29 марта 1994 г."),
            })
            {
                // ICU puts a no-break space (narrow in newer versions) before "г.": which one is the library's choice.
                var timeline = File.ReadAllText(Path.Combine(output, prefix + "timeline/index.html")).Replace('\u00a0', ' ').Replace('\u202f', ' ');
                Assert.Contains($"<html lang=\"{lang}\">", timeline, StringComparison.Ordinal);
                Assert.Contains($"<time datetime=\"1990-01-20\">{day}</time>", timeline, StringComparison.Ordinal);
                Assert.Contains($"<time datetime=\"1994-03-29\">{month}</time>", timeline, StringComparison.Ordinal);
                foreach (var page in new[] { "index.html", "timeline/index.html", "sources/index.html", "about/index.html", "feed.xml" })
                {
                    Assert.True(File.Exists(Path.Combine(output, prefix + page)), prefix + page);
                }
            }

            Assert.True(File.Exists(Path.Combine(output, "404.html")));
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
