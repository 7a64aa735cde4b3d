using BlackJanuary.Content;
using BlackJanuary.Output;
using BlackJanuary.Tests.Support;
using BlackJanuary.Model;

namespace BlackJanuary.Tests.Unit;

/// <summary>What an address of the built site leads to in the dev server, as a static host would serve it.</summary>
public class SiteAddressTests
{
    private static readonly SiteFile Text = SiteFile.Generated("<p>x</p>");

    private static Dictionary<string, SiteFile> Files(params string[] paths) => paths.ToDictionary(p => p, _ => Text, StringComparer.Ordinal);

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/about/", "about/index.html")]
    [InlineData("/css/site.css", "css/site.css")]
    [InlineData("/404.html", "404.html")]
    public void A_folder_address_leads_to_its_index_html_and_a_file_address_to_the_file(string address, string path)
    {
        var files = Files("index.html", "about/index.html", "css/site.css", "404.html");

        Assert.Equal(new SiteAddress.Found(path, Text), SiteAddress.Of(files, address));
    }

    [Fact]
    public void Every_page_of_a_built_site_is_found_at_its_own_address()
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["content/pages/about.md"] = "---\ntitle: About\n---\nA fictional town.\n" });
        var snapshot = new SiteBuilder(new BuildOptions(site.Content, Path.Combine(site.Root, "templates"), site.Output), BuildMode.Memory).Build();

        var pages = snapshot.Site!.Pages;
        Assert.Contains(pages, p => p.IsNotFound);
        Assert.Contains(pages, p => p.Path == "about/");
        Assert.All(pages, page => Assert.Equal(new SiteAddress.Found(page.OutputFile, snapshot.Files[page.OutputFile]), SiteAddress.Of(snapshot.Files, "/" + page.Path)));
    }

    [Fact]
    public void A_folder_address_without_its_final_slash_is_sent_to_the_folder()
    {
        Assert.Equal(new SiteAddress.Redirect("/about/"), SiteAddress.Of(Files("about/index.html"), "/about"));
        Assert.Equal(new SiteAddress.Redirect("/ru/about/"), SiteAddress.Of(Files("ru/about/index.html"), "/ru/about"));
    }

    [Fact]
    public void A_file_is_served_even_where_a_folder_of_the_same_name_has_an_index()
    {
        Assert.Equal(new SiteAddress.Found("notes", Text), SiteAddress.Of(Files("notes", "notes/index.html"), "/notes"));
    }

    [Theory]
    [InlineData("/nowhere/")]
    [InlineData("/nowhere")]
    [InlineData("/about/index")]
    public void A_missing_address_leads_to_the_404_page(string address)
    {
        var files = Files("about/index.html", "404.html");

        Assert.Equal(new SiteAddress.Missing(new SiteAddress.Found("404.html", Text)), SiteAddress.Of(files, address));
    }

    [Fact]
    public void A_missing_address_in_a_site_without_a_404_page_leads_to_nothing()
    {
        Assert.Equal(new SiteAddress.Missing(null), SiteAddress.Of(Files("index.html"), "/nowhere/"));
    }

    [Fact]
    public void Percent_encoded_addresses_are_decoded_and_a_redirect_encodes_each_segment_again()
    {
        var files = Files("café/index.html", "a b/index.html", "a#b/c/index.html");

        Assert.Equal(new SiteAddress.Found("café/index.html", Text), SiteAddress.Of(files, "/caf%C3%A9/"));
        Assert.Equal(new SiteAddress.Redirect("/caf%C3%A9/"), SiteAddress.Of(files, "/caf%C3%A9"));
        Assert.Equal(new SiteAddress.Redirect("/a%20b/"), SiteAddress.Of(files, "/a%20b"));
        Assert.Equal(new SiteAddress.Redirect("/a%23b/c/"), SiteAddress.Of(files, "/a%23b/c"));
    }

    /// <summary>
    /// A Location that starts with two slashes, or a slash and a backslash, is another host to a
    /// browser: the preview would send its visitor there. Each address below names a folder of the
    /// files given, even with a leading slash no real output path has; none may leave the preview.
    /// </summary>
    [Theory]
    [InlineData("//evil.example", "/evil.example/")]
    [InlineData("///evil.example", "/evil.example/")]
    [InlineData("/%5Cevil.example", "/%5Cevil.example/")]
    [InlineData("/%2Fevil.example", null)]
    [InlineData("/%2F%2Fevil.example", null)]
    public void A_redirect_never_leads_to_another_host(string address, string? location)
    {
        var files = Files("evil.example/index.html", "\\evil.example/index.html", "/evil.example/index.html", "//evil.example/index.html");

        Assert.Equal(location, (SiteAddress.Of(files, address) as SiteAddress.Redirect)?.Location);
    }
}
