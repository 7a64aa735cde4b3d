using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Output;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// Content comes from strangers' pull requests: nothing a content file says may name a file
/// outside the site, and no two inputs may end up as one file on a host that ignores case.
/// </summary>
public class PathSafetyTests
{
    /// <summary>
    /// Media of any type are published, and each file written by <see cref="WriteMedia"/> starts
    /// as its extension says, so that these tests are about names only (types: ActiveMediaTests).
    /// </summary>
    private const string AnyMedia = "title: Fictional Memorial\nbase_url: https://memorial.example.org/sub/\nmedia:\n  allow_active_files: true\n";

    private static void WriteMedia(FixtureSite site, params string[] names)
    {
        site.Write("content/site.yaml", AnyMedia);
        foreach (var name in names)
        {
            site.WriteBytes("content/media/" + name, Path.GetExtension(name).ToUpperInvariant() switch
            {
                ".JPG" => TestImages.Jpeg(shade: name.Length),
                ".PNG" => TestImages.Png(),
                _ => Encoding.UTF8.GetBytes("a fictional note\n"),
            });
        }
    }

    public static TheoryData<string> UnsafeLayouts => ["../../x", "/etc/passwd", @"..\..\x", @"C:\x", "layouts/page.html", "page.html", "my layout"];

    [Theory]
    [MemberData(nameof(UnsafeLayouts))]
    public void A_layout_can_only_name_a_layout(string layout)
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = $"---\ntitle: About\nlayout: '{layout}'\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/pages/about.md(3,9): error BJ2009: layout '{layout}' must be the name of a layout in the theme's layouts/ folder, without '.html': letters, digits, '-' and '_' only, like '", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_layout_name_with_a_control_character_is_a_located_error()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\nlayout: \"page\\0\"\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/about.md(3,9): error BJ1008: 'layout' contains the control character U+0000", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_name_suggests_the_name_the_editor_meant_and_plain_names_pass()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["templates/layouts/my_wide-2.html"] = "<h1>{{ page.title }}</h1>",
            ["content/pages/about.md"] = "---\ntitle: About\nlayout: my_wide-2\n---\n",
            ["content/pages/other.md"] = "---\ntitle: Other\nlayout: ../layouts/page.html\n---\n",
        });
        var run = site.Build();
        Assert.Contains("content/pages/other.md(3,9): error BJ2009: layout '../layouts/page.html' must be the name of a layout in the theme's layouts/ folder, without '.html': letters, digits, '-' and '_' only, like 'page'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("about.md", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Image values that name a file outside the site, or on the build machine, and why.</summary>
    public static TheoryData<string, string> UnsafeImages => new()
    {
        { "../../../etc/passwd", "leads outside the site with '..'" },
        { "media/../../secret.jpg", "leads outside the site with '..'" },
        { "%2e%2e/%2e%2e/etc/passwd", "leads outside the site with '..'" },
        { @"C:\Windows\win.ini", "is a path on the build machine" },
        { "C:/Windows/win.ini", "is a path on the build machine" },
        { @"\\server\share\photo.jpg", "is a path on the build machine" },
        { "file:///etc/passwd", "is a path on the build machine" },
        { "FILE://server/share/photo.jpg", "is a path on the build machine" },
        { @"media\photo.jpg", "contains '\\'" },
        { "media/photo%00.jpg", "contains the control character U+0000" },
    };

    [Theory]
    [MemberData(nameof(UnsafeImages))]
    public void A_page_image_outside_the_site_is_a_located_error(string image, string why)
    {
        using var site = SiteWithSecret(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = $"---\ntitle: About\nimage: '{image}'\nimage_alt: A photo\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/pages/about.md(3,8): error BJ2009: image '{image}' {why}", run.Stderr, StringComparison.Ordinal);
        // Refused at the value: no later check reports it again, at the top of the file.
        Assert.DoesNotContain("BJ3006", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnsafeImages))]
    public void An_event_image_outside_the_site_is_a_located_error(string image, string why)
    {
        using var site = SiteWithSecret(new Dictionary<string, string>
        {
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = $"- date: 1990-01-20\n  title: An event\n  image: '{image}'\n  image_alt: A photo\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/timeline.yaml(3,10): error BJ2009: image '{image}' {why}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("BJ3005", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnsafeImages))]
    public void The_site_image_outside_the_site_is_a_located_error(string image, string why)
    {
        using var site = SiteWithSecret(new Dictionary<string, string>
        {
            ["content/site.yaml"] = $"title: Fictional Memorial\nbase_url: https://memorial.example.org/\nimage: '{image}'\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/site.yaml(3,8): error BJ2009: image '{image}' {why}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rooted_image_path_is_a_site_path_and_names_no_file_on_the_machine()
    {
        using var site = SiteWithSecret(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\nimage: /etc/passwd\nimage_alt: A photo\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/about.md(3,8): error BJ3006: image '/etc/passwd' is not a file in content/media/", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("BJ2009", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Names Windows refuses, or changes, for a file or a folder, whatever the extension.</summary>
    public static TheoryData<string, string> UnportableNames => new()
    {
        { "CON.jpg", "is a device name that Windows reserves (CON, with any extension)" },
        { "prn", "is a device name that Windows reserves (PRN, with any extension)" },
        { "aux.tar.gz", "is a device name that Windows reserves (AUX, with any extension)" },
        { "Nul.txt", "is a device name that Windows reserves (NUL, with any extension)" },
        { "com1.png", "is a device name that Windows reserves (COM1, with any extension)" },
        { "LPT9", "is a device name that Windows reserves (LPT9, with any extension)" },
        { "com\u00b2.jpg", "is a device name that Windows reserves (COM\u00b2, with any extension)" },
        { "con .jpg", "is a device name that Windows reserves (CON, with any extension)" },
        { "a<b.jpg", "contains '<', which Windows does not allow in file names" },
        { "a>b.jpg", "contains '>', which Windows does not allow in file names" },
        { "a:b.jpg", "contains ':', which Windows does not allow in file names" },
        { "a\"b.jpg", "contains '\"', which Windows does not allow in file names" },
        { "a|b.jpg", "contains '|', which Windows does not allow in file names" },
        { "a?b.jpg", "contains '?', which Windows does not allow in file names" },
        { "a*b.jpg", "contains '*', which Windows does not allow in file names" },
        { "a\\b.jpg", "contains '\\', which Windows does not allow in file names" },
        { "tab\t.jpg", "contains the control character U+0009" },
        { "bell\u0007.jpg", "contains the control character U+0007" },
        { "photo.", "ends with a dot or a space, which Windows removes" },
        { "photo.jpg ", "ends with a dot or a space, which Windows removes" },
    };

    [Theory]
    [MemberData(nameof(UnportableNames))]
    public void A_media_file_name_that_some_host_cannot_store_is_an_error(string name, string why)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        WriteMedia(site, name, "fine.jpg");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        // Diagnostics print every '\' of a location as '/', the separator editors' tools expect.
        Assert.Contains(Printable.Escape($"content/media/{name.Replace('\\', '/')}: error BJ2009: the name '{name}' in media/{name} {why}; rename it"), run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("BJ2009", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reserved_name_is_refused_for_folders_assets_and_pages_too_but_names_that_only_start_like_one_pass()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["templates/assets/css/con.css"] = "x",
            ["content/pages/nul.md"] = "---\ntitle: Nul\n---\n",
        });
        WriteMedia(site, "aux/photo.jpg", "console.jpg", "com10.jpg", "lpt.jpg");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/aux/photo.jpg: error BJ2009: the name 'aux' in media/aux/photo.jpg is a device name that Windows reserves", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("templates/assets/css/con.css: error BJ2009: the name 'con.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/pages/nul.md: error BJ2009: the name 'nul' in nul/index.html is a device name that Windows reserves", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, run.Stderr.Split('\n').Count(l => l.Contains("BJ2009", StringComparison.Ordinal)));
    }

    [Fact]
    public void Symbolic_links_in_media_and_assets_are_errors_and_never_followed()
    {
        using var site = SiteWithSecret(new Dictionary<string, string>
        {
            ["content/media/photo.jpg"] = "x",
        });
        var secret = Path.Combine(site.Root, "secret.txt");
        File.CreateSymbolicLink(Path.Combine(site.Root, "content/media/leak.jpg"), secret);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "content/media/etc"), Path.Combine(site.Root, "outside"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "templates/assets/leak.css"), secret);
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/leak.jpg: error BJ2009: the file is a symbolic link; content and templates must be real files inside their folders", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/media/etc: error BJ2009: the folder is a symbolic link; content and templates must be real folders", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("templates/assets/leak.css: error BJ2009: the file is a symbolic link", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, run.Stderr.Split('\n').Count(l => l.Contains("BJ2009", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Two_media_files_whose_names_differ_only_in_case_are_an_error_naming_both()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        WriteMedia(site, "Photo.jpg", "photo.jpg");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/photo.jpg: error BJ5001: this file would be written to media/photo.jpg, and content/media/Photo.jpg to media/Photo.jpg: the same name but for upper and lower case; hosts that ignore case or Unicode form (macOS, Windows, many CDNs) would keep only one of them, so rename one", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Two_media_files_whose_names_differ_only_in_Unicode_normalisation_are_an_error_naming_both()
    {
        var composed = "Caf\u00e9.jpg";
        var decomposed = "Cafe\u0301.jpg";
        Assert.Equal(composed, decomposed.Normalize(NormalizationForm.FormC));
        using var site = new FixtureSite(new Dictionary<string, string>());
        WriteMedia(site, composed, decomposed);
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        // Ordinal order puts the composed é (U+00E9) after the decomposed e (U+0065).
        Assert.Contains($"content/media/{composed}: error BJ5001: this file would be written to media/{composed}, and content/media/{decomposed} to media/{decomposed}: the same letters in two Unicode forms", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_that_differ_only_in_case_and_a_file_where_a_folder_is_are_errors()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/media.md"] = "---\ntitle: Media\n---\n",
        });
        WriteMedia(site, "Photos/a.jpg", "photos/b.jpg", "Scans", "scans/c.jpg", "INDEX.HTML");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/photos/b.jpg: error BJ5001: this file would be written to media/photos/b.jpg, and content/media/Photos/a.jpg to media/Photos/…: the same name but for upper and lower case", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/media/scans/c.jpg: error BJ5001: this file and content/media/Scans would need media/Scans to be a file and media/scans a folder; rename or move one of them", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/media/INDEX.HTML: error BJ5001: this file would be written to media/INDEX.HTML, and content/pages/media.md to media/index.html: the same name but for upper and lower case", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The last line of defence, below every check of the content: the gathered file set.</summary>
    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/escape.txt")]
    [InlineData("")]
    [InlineData("a//b.txt")]
    [InlineData("./a.txt")]
    [InlineData(@"C:\escape.txt")]
    [InlineData(@"\\server\share\escape.txt")]
    [InlineData("a\0b.txt")]
    public void The_file_set_refuses_a_path_that_is_not_plainly_inside_the_output(string path)
    {
        var diagnostics = new DiagnosticBag();
        var files = new SiteFileSet();
        files.Add(path, SiteFile.Generated("x"), "a test", lasting: true);
        Assert.Empty(files.Check(diagnostics, session: null));
        Assert.Equal(DiagnosticCodes.UnsafePath, Assert.Single(diagnostics.Sorted()).Code);
    }

    /// <summary>A fixture with a secret file beside the content, and a folder "outside" with one more.</summary>
    private static FixtureSite SiteWithSecret(Dictionary<string, string> files)
    {
        files["secret.txt"] = "root:x:0:0:not for the site";
        files["outside/passwd"] = "root:x:0:0:not for the site";
        return new FixtureSite(files);
    }
}
