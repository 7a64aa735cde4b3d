using BlackJanuary.Archive;
using BlackJanuary.Model;

namespace BlackJanuary.Tests.Archive;

/// <summary>How the offline copy writes an address it finds in a file: relative to that file when it leads into the site, else as it was.</summary>
public sealed class OfflineAddressTests
{
    private static readonly Uri Base = new("https://memorial.example.org/sub/");

    private static readonly Dictionary<string, SiteFile> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = SiteFile.Generated(""),
        ["about/index.html"] = SiteFile.Generated(""),
        ["history/mill/index.html"] = SiteFile.Generated(""),
        ["media/notes of Ünal.txt"] = SiteFile.Generated(""),
        ["assets/css/site.css"] = SiteFile.Generated(""),
    };

    [Theory]
    [InlineData("about/index.html", "https://memorial.example.org/sub/", "../index.html")]
    [InlineData("about/index.html", "/sub/history/mill/", "../history/mill/index.html")]
    [InlineData("about/index.html", "/sub/history/mill", "../history/mill/index.html")]
    [InlineData("history/mill/index.html", "/sub/about/#team", "../../about/index.html#team")]
    [InlineData("history/mill/index.html", "../../about/", "../../about/index.html")]
    [InlineData("index.html", "/sub/media/notes%20of%20%C3%9Cnal.txt", "media/notes%20of%20%C3%9Cnal.txt")]
    [InlineData("index.html", "/sub/about/?q=mill", "about/index.html")]
    [InlineData("assets/css/site.css", "/sub/media/notes%20of%20%C3%9Cnal.txt", "../../media/notes%20of%20%C3%9Cnal.txt")]
    [InlineData("about/index.html", "https://MEMORIAL.example.org/sub/about/", "index.html")]
    public void An_address_into_the_site_becomes_relative_with_index_html_named(string from, string address, string expected)
    {
        Assert.Equal(expected, OfflineCopy.Relative(from, address, Files, Base));
    }

    [Theory]
    [InlineData("https://elsewhere.example.net/sub/about/")]
    [InlineData("https://memorial.example.org/other/")]
    [InlineData("/other/page/")]
    [InlineData("mailto:editors@example.org")]
    [InlineData("#main")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("")]
    public void Any_other_address_stays_as_it_was(string address)
    {
        Assert.Equal(address, OfflineCopy.Relative("about/index.html", address, Files, Base));
    }
}
