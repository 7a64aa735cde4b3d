using System.IO.Compression;
using System.Text.RegularExpressions;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Search;

/// <summary>
/// The search page's script is small enough for a slow phone and runs under the site's
/// Content-Security-Policy as it is: no code made from text, no WebAssembly, no HTML parsed from
/// strings, nothing fetched from another origin.
/// </summary>
public sealed class SearchScriptTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "assets", "js", "search.js"));

    /// <summary>The script without its comments, which may name what the code does not do.</summary>
    private static readonly string Code = string.Join('\n', Script.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    [Fact]
    public void The_script_is_under_15_KB_gzipped()
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(Script));
        }

        Assert.True(gzipped.Length < 15 * 1024, $"search.js is {gzipped.Length} bytes gzipped");
    }

    [Theory]
    [InlineData(@"\beval\s*\(")]
    [InlineData(@"new\s+Function\b")]
    [InlineData(@"\bWebAssembly\b")]
    [InlineData(@"\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write")]
    [InlineData(@"https?://")]
    [InlineData(@"\bimport\s*\(")]
    public void The_script_has_nothing_the_policy_forbids_or_that_parses_text_as_html(string pattern)
    {
        Assert.DoesNotMatch(new Regex(pattern), Code);
    }
}
