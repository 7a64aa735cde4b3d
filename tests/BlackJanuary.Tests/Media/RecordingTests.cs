using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Media;

/// <summary>
/// A testimony with its transcript, and a document with its size: the words of a recording are on
/// the page to read, print and find, each cue's time a link that starts the recording there
/// without script; a PDF says how long and how large it is before the reader opens it.
/// </summary>
public sealed class RecordingTests : IDisposable
{
    private readonly FixtureSite _site = new(new Dictionary<string, string>
    {
        ["content/site.yaml"] = """
            title: Fictional Memorial
            base_url: https://memorial.example.org/sub/
            language: en
            languages:
              en: { name: English, culture: en-GB }
              ru: { name: Русский, culture: ru-RU }
            """,
        ["content/pages/index.md"] = "---\ntitle: Welcome\n---\nA fictional town.\n",
        ["content/pages/index.ru.md"] = "---\ntitle: Добро пожаловать\n---\nВымышленный город.\n",
        ["content/pages/voices.md"] = "---\ntitle: Voices\n---\n![The testimony of a fictional miller](media/miller.mp3)\n\n![The fictional decree](media/decree.pdf)\n",
        ["content/pages/voices.ru.md"] = "---\ntitle: Голоса\n---\n![Свидетельство вымышленного мельника](media/miller.mp3)\n",
        ["content/media/miller.vtt"] = "WEBVTT\n\n00:00.000 --> 00:04.500\n<v Miller>The mill stood by the river.\n\n01:02.250 --> 01:05.000\nThe water &amp; the wheel.\n",
        ["content/media/miller.ru.vtt"] = "WEBVTT\n\n00:00.000 --> 00:04.500\n<v Мельник>Мельница стояла у реки.\n",
    }, withTheme: false);

    public RecordingTests()
    {
        _site.WriteBytes("content/media/miller.mp3", [.. "ID3\x04\0\0\0\0\0\0"u8]);
        _site.WriteBytes("content/media/decree.pdf", File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/BlackJanuary.Tests/Media/fixtures/seven-object-streams.pdf")));
    }

    public void Dispose() => _site.Dispose();

    private AngleSharp.Html.Dom.IHtmlDocument Built(string path)
    {
        var run = _site.Run("build", "--content", _site.Content, "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", _site.Output, "--strict");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, path)));
    }

    [Fact]
    public void A_recording_shows_a_player_and_its_transcript_in_the_pages_language_each_time_a_link_into_the_recording()
    {
        var english = Built("voices/index.html");
        var figure = english.QuerySelector("main figure.media-recording")!;

        Assert.Equal("/sub/media/miller.mp3", figure.QuerySelector("audio[controls]")!.GetAttribute("src"));
        var cues = figure.QuerySelectorAll("details.transcript ol.transcript-cues li").ToList();
        Assert.Equal(["0:00 Miller: The mill stood by the river.", "1:02 The water & the wheel."], cues.Select(c => c.TextContent));
        Assert.Equal(["/sub/media/miller.mp3#t=0", "/sub/media/miller.mp3#t=62.25"], cues.Select(c => c.QuerySelector("a.cue-time")!.GetAttribute("href")));
        Assert.NotNull(english.QuerySelector("script[type=module][src*='/js/media.']"));

        var russian = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, "ru/voices/index.html")));
        Assert.Equal(["0:00 Мельник: Мельница стояла у реки."], russian.QuerySelectorAll("main .transcript-cues li").Select(c => c.TextContent));
    }

    [Fact]
    public void A_transcript_that_does_not_parse_is_an_error_at_its_line()
    {
        _site.Write("content/media/miller.vtt", "WEBVTT\n\n00:01.5 --> 00:04.500\nThe mill.\n");

        var run = _site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/miller.vtt(3,1): error BJ1027:", (run.Stdout + run.Stderr).Replace(_site.Root + "/", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_is_a_link_that_says_it_is_a_pdf_how_many_pages_it_has_and_how_large_it_is()
    {
        var link = Built("voices/index.html").QuerySelector("main a.media-document")!;

        Assert.Equal("/sub/media/decree.pdf", link.GetAttribute("href"));
        Assert.Equal("The fictional decree (PDF, Pages: 7, 560 B)", link.TextContent);
    }
}
