using System.Text;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// Files of content/media/ are served from the memorial's own address: only passive types are
/// published, each recognised by its bytes, and anything that could run code there is refused at
/// its file unless the site says 'media: allow_active_files: true'.
/// </summary>
public class ActiveMediaTests
{

    /// <summary>The first bytes of one file of each passive type, as the tools that make them write them.</summary>
    public static TheoryData<string, byte[]> PassiveFiles => new()
    {
        { "letter.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\xE2\xE3\n") },
        { "voice.mp3", Encoding.ASCII.GetBytes("ID3\x04\0\0\0\0\0\0") },
        { "voice-raw.mp3", [0xFF, 0xFB, 0x90, 0x64, 0, 0] },
        { "voice.ogg", Encoding.ASCII.GetBytes("OggS\0\x02\0\0") },
        { "voice.opus", Encoding.ASCII.GetBytes("OggS\0\x02\0\0") },
        { "voice.wav", Encoding.ASCII.GetBytes("RIFF\x24\0\0\0WAVEfmt ") },
        { "voice.flac", Encoding.ASCII.GetBytes("fLaC\0\0\0\x22") },
        { "voice.m4a", [0, 0, 0, 0x20, .. Encoding.ASCII.GetBytes("ftypM4A \0\0\0\0")] },
        { "voice.aac", [0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC] },
        { "film.mp4", [0, 0, 0, 0x20, .. Encoding.ASCII.GetBytes("ftypisom\0\0\x02\0")] },
        { "film.webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81] },
        { "notes.txt", Encoding.UTF8.GetBytes("Notes from the fictional archive of Testville.\n") },
        { "names.csv", Encoding.UTF8.GetBytes("\uFEFFname,born\nAda Example,1901\n") },
        { "film.vtt", Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n") },
        { "serif.woff", Encoding.ASCII.GetBytes("wOFF\0\x01\0\0") },
        { "serif.woff2", Encoding.ASCII.GetBytes("wOF2\0\x01\0\0") },
        { "plain.svg", Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
              <title>A fictional square</title>
              <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>
              <style>rect { fill: url(#g); }</style>
              <rect id="r" width="10" height="10" fill="url(#g)"/><use xlink:href="#r"/>
              <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
            </svg>
            """) },
    };

    /// <summary>Images of every raster format: published at their own address too, but made anew, without their metadata (see ImageTests).</summary>
    public static TheoryData<string> RasterFiles => ["photo.jpg", "PHOTO.JPEG", "plan.png", "map.gif", "square.webp", "square.avif"];

    [Theory]
    [MemberData(nameof(RasterFiles))]
    public void A_raster_image_whose_bytes_match_its_name_is_published_at_its_address_as_an_image_of_its_kind(string name)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.WriteBytes("content/media/" + name, TestImages.Of(Path.GetExtension(name)));

        var run = site.Build("--strict");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        using var published = NetVips.Image.NewFromFile(Path.Combine(site.Output, "media", name));
        Assert.Equal((24, 16), (published.Width, published.Height));
        Assert.Equal(Path.GetExtension(name).ToLowerInvariant() is ".jpg" or ".jpeg" ? "jpegload" : Path.GetExtension(name).TrimStart('.').ToLowerInvariant() switch { "avif" => "heifload", var f => f + "load" },
            (string)published.Get("vips-loader"));
    }

    [Theory]
    [MemberData(nameof(PassiveFiles))]
    public void A_passive_media_file_whose_bytes_match_its_name_is_published_unchanged(string name, byte[] bytes)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.WriteBytes("content/media/" + name, bytes);

        var run = site.Build("--strict");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(site.Output, "media", name)));
    }

    public static TheoryData<string, string, string> ActiveFiles => new()
    {
        { "page.html", "<p>A page of the site's own origin</p>", "a '.html' file is not published from media/" },
        { "page.HTM", "<script>alert(1)</script>", "a '.HTM' file is not published from media/" },
        { "page.xhtml", "<html xmlns='http://www.w3.org/1999/xhtml'/>", "a '.xhtml' file is not published from media/" },
        { "app.js", "alert(document.cookie)", "a '.js' file is not published from media/" },
        { "app.mjs", "export {}", "a '.mjs' file is not published from media/" },
        { "feed.xml", "<?xml-stylesheet type='text/xsl' href='x.xsl'?><a/>", "a '.xml' file is not published from media/" },
        { "run.exe", "MZ", "a '.exe' file is not published from media/" },
        { "README", "no extension", "a file without an extension is not published from media/" },
        { "drawing.svgz", "\u001f\u008b", "a '.svgz' file is not published from media/" },
    };

    [Theory]
    [MemberData(nameof(ActiveFiles))]
    public void A_media_file_that_could_run_code_or_is_unknown_is_refused_at_its_file(string name, string text, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["content/media/" + name] = text });

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/media/{name}: error BJ1020: {message}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("set 'media: allow_active_files: true' in site.yaml", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    public static TheoryData<string, byte[], string> DisguisedFiles => new()
    {
        { "photo.jpg", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "content/media/photo.jpg: error BJ1021: the file is named '.jpg' but its content is not a JPEG image" },
        { "photo.png", [0xFF, 0xD8, 0xFF, 0xE0], "content/media/photo.png: error BJ1021: the file is named '.png' but its content is not a PNG image" },
        { "empty.gif", [], "content/media/empty.gif: error BJ1021: the file is named '.gif' but its content is not a GIF image" },
        { "letter.pdf", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"), "content/media/letter.pdf: error BJ1021: the file is named '.pdf' but its content is not a PDF document" },
        { "square.avif", [0, 0, 0, 0x20, .. Encoding.ASCII.GetBytes("ftypisom\0\0\0\0")], "content/media/square.avif: error BJ1021: the file is named '.avif' but its content is not an AVIF image" },
        { "film.mp4", [0, 0, 0, 0x1C, .. Encoding.ASCII.GetBytes("ftypavif\0\0\0\0")], "content/media/film.mp4: error BJ1021: the file is named '.mp4' but its content is not an MP4 file" },
        { "notes.txt", Encoding.UTF8.GetBytes("  <!DOCTYPE html><script>alert(1)</script>"), "content/media/notes.txt: error BJ1021: the file is named '.txt' but its content is not plain text (it starts like HTML or XML)" },
        { "names.csv", [0x61, 0x2C, 0x00, 0x62], "content/media/names.csv(1,3): error BJ1021: the file is named '.csv' but holds the control character U+0000" },
        { "notes.txt", [0x61, 0x0A, 0xC3, 0x28], "content/media/notes.txt: error BJ1021: the file is named '.txt' but is not UTF-8 text" },
        { "film.vtt", Encoding.UTF8.GetBytes("00:00.000 --> 00:01.000\nHello\n"), "content/media/film.vtt: error BJ1021: the file is named '.vtt' but its content is not WebVTT subtitles (it does not start with WEBVTT)" },
    };

    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public void A_media_file_whose_content_is_not_what_its_name_says_is_refused_even_when_active_files_are_allowed(string name, byte[] bytes, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = "title: Fictional Memorial\nbase_url: https://memorial.example.org/\nmedia:\n  allow_active_files: true\n",
        });
        site.WriteBytes("content/media/" + name, bytes);

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("allow_active_files", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";

    public static TheoryData<string, string> ActiveSvgs => new()
    {
        { Svg + "\n<script>alert(1)</script></svg>", "(2,1): error BJ1022: the SVG has a <script> element" },
        { Svg + "<script><![CDATA[alert(1)]]></script></svg>", "(1,84): error BJ1022: the SVG has a <script> element" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "(1,41): error BJ1022: the SVG has the event handler onload" },
        { Svg + "<rect ONCLICK=\"alert(1)\"/></svg>", "error BJ1022: the SVG has the event handler ONCLICK" },
        { Svg + "<a href=\"javascript:alert(1)\"><text>x</text></a></svg>", "error BJ1022: the SVG's href=\"javascript:alert(1)\" refers to something outside the file" },
        { Svg + "<a xlink:href=\"https://elsewhere.example/\"><text>x</text></a></svg>", "error BJ1022: the SVG's xlink:href=\"https://elsewhere.example/\" refers to something outside the file" },
        { Svg + "<use href=\"other.svg#icon\"/></svg>", "error BJ1022: the SVG's href=\"other.svg#icon\" refers to something outside the file" },
        { Svg + "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>", "error BJ1022: the SVG's href=\"data:image/svg+xml;base64,PHN2Zz4=\" refers to something outside the file" },
        { Svg + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>", "error BJ1022: the SVG has a <foreignObject> element" },
        { Svg + "<html:iframe xmlns:html=\"http://www.w3.org/1999/xhtml\" src=\"https://elsewhere.example/\"/></svg>", "error BJ1022: the SVG has a <html:iframe> element" },
        { Svg + "<set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>", "error BJ1022: the SVG has a <set> element" },
        { Svg + "<a><animate attributeName=\"xlink:href\" values=\"javascript:alert(1)\"/><text>x</text></a></svg>", "error BJ1022: the SVG animates a link's address" },
        { Svg + "<a><animateTransform attributeName=\"href\" values=\"#a;#b\"/><text>x</text></a></svg>", "error BJ1022: the SVG animates a link's address" },
        { Svg + "<rect style=\"fill: url(https://elsewhere.example/p.svg#x)\"/></svg>", "error BJ1022: the SVG's style attribute loads from elsewhere" },
        { Svg + "<rect fill=\"url('//elsewhere.example/p.svg#x')\"/></svg>", "error BJ1022: the SVG's fill attribute loads from elsewhere" },
        { Svg + "<style>@import 'https://elsewhere.example/a.css';</style></svg>", "error BJ1022: the SVG's <style> loads from elsewhere" },
        { Svg + "<style>rect { background: \\75rl(https://elsewhere.example/) }</style></svg>", "error BJ1022: the SVG's <style> loads from elsewhere" },
        { "<!DOCTYPE svg [<!ENTITY lol \"lol\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&lol;</svg>", "error BJ1022: the SVG has a DOCTYPE" },
        { "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>" + Svg + "</svg>", "error BJ1022: the SVG has the processing instruction <?xml-stylesheet?>" },
        { "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>", "error BJ1022: the file's root element is <html>" },
        { "<svg><script>alert(1)</script></svg>", "error BJ1022: the file's root element is <svg>, not an <svg> in the SVG namespace" },
        { Svg + "<rect></svg>", "error BJ1022: the SVG is not well-formed XML" },
        { "just text", "error BJ1022: the SVG is not well-formed XML" },
    };

    [Theory]
    [MemberData(nameof(ActiveSvgs))]
    public void A_media_svg_with_a_script_handler_outside_reference_or_doctype_is_refused_at_its_file(string svg, string message)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.WriteBytes("content/media/drawing.svg", Encoding.UTF8.GetBytes(svg));

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/drawing.svg" + (message.StartsWith('(') ? message : ""), run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Allow_active_files_publishes_a_page_and_an_svg_with_a_script_as_they_are()
    {
        var svg = Svg + "<script>alert(1)</script></svg>";
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = "title: Fictional Memorial\nbase_url: https://memorial.example.org/\nmedia:\n  allow_active_files: true\n",
            ["content/media/game.html"] = "<p>A trusted author's page</p>",
            ["content/media/drawing.svg"] = svg,
        });

        var run = site.Build("--strict");

        Assert.Equal("", run.Stderr);
        Assert.Equal("<p>A trusted author's page</p>", site.Read("media/game.html"));
        Assert.Equal(svg, site.Read("media/drawing.svg"));
    }

    [Fact]
    public void An_unknown_media_setting_is_a_warning_with_a_suggestion()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = "title: Fictional Memorial\nbase_url: https://memorial.example.org/\nmedia:\n  allow_active_file: true\n",
        });

        var run = site.Build();

        Assert.Contains("warning BJ2006", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("allow_active_files", run.Stderr, StringComparison.Ordinal);
    }
}
