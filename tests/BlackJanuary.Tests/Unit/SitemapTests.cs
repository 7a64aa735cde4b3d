using System.Text.RegularExpressions;
using BlackJanuary.Output;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Unit;

/// <summary>A register of 100,000 people has more pages than one sitemap may list (sitemaps.org: 50,000).</summary>
public sealed class SitemapTests
{
    [Fact]
    public void A_site_with_more_pages_than_a_sitemap_holds_gets_a_sitemap_index_of_parts_each_within_the_limit()
    {
        using var fixture = new FixtureSite(new Dictionary<string, string>());
        var (loaded, _) = fixture.LoadAndRender();
        var home = loaded!.Pages.Single(p => p.IsHome);
        var site = loaded with { Pages = [.. Enumerable.Range(0, SiteFiles.SitemapLinks + 10).Select(i => home with { Path = $"p{i:D6}/", TranslationKey = $"p{i:D6}" })] };

        var files = SiteFiles.Sitemaps(site);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"], files.Select(f => f.Path));
        Assert.Contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">", files[0].Text);
        Assert.Contains("<loc>https://memorial.example.org/sub/sitemap-2.xml</loc>", files[0].Text);
        var counts = files.Skip(1).Select(f => Regex.Count(f.Text, "<url>")).ToList();
        Assert.All(counts, n => Assert.InRange(n, 1, SiteFiles.SitemapLinks));
        Assert.Equal(SiteFiles.SitemapLinks + 10, counts.Sum());
        Assert.Contains("<loc>https://memorial.example.org/sub/p050009/</loc>", files[2].Text);
    }

    [Fact]
    public void A_site_within_the_limit_has_one_sitemap()
    {
        using var fixture = new FixtureSite(new Dictionary<string, string>());
        var (site, _) = fixture.LoadAndRender();

        var files = SiteFiles.Sitemaps(site!);

        Assert.Equal("sitemap.xml", Assert.Single(files).Path);
        Assert.Contains("<urlset", files[0].Text);
    }
}
