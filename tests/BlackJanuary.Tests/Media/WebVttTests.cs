using System.Globalization;
using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Tests.Fuzz;
using FsCheck;
using FsCheck.Fluent;

namespace BlackJanuary.Tests.Media;

/// <summary>
/// A recording's WebVTT transcript, read into the cues its page lists: the cues a browser's
/// player shows, each problem reported at its place with what to write instead, and nothing shown
/// of a transcript that has one.
/// </summary>
public class WebVttTests
{
    private const string File = "content/media/testimony.vtt";

    private static TimeSpan Ms(long milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void A_transcript_gives_each_cue_its_times_its_speaker_and_its_lines()
    {
        var cues = Clean("""
            WEBVTT - Testimony of Test Person One

            intro
            00:01.000 --> 00:04.500 align:start position:10%
            <v Test Person One>We left Testville
            in the night.

            00:00:05.000	-->	00:01:02.250
            <v.loud   Test   Şəxs  >Nobody slept.
            """);

        Assert.Equal(
            [
                new TranscriptCue(Ms(1_000), Ms(4_500), "We left Testville\nin the night.", "Test Person One"),
                new TranscriptCue(Ms(5_000), Ms(62_250), "Nobody slept.", "Test Şəxs"),
            ],
            cues);
    }

    [Theory]
    [InlineData("00:59.999", 59_999)]
    [InlineData("01:00:00.000", 3_600_000)]
    [InlineData("123:04:05.006", 443_045_006)]
    // As in the spec, a first field other than two digits is the hours.
    [InlineData("1:02:03.004", 3_723_004)]
    public void Hours_are_optional_and_may_have_any_number_of_digits(string start, long milliseconds)
    {
        var cues = Clean($"WEBVTT\n\n{start} --> 999:00:00.000\nText\n");

        Assert.Equal(Ms(milliseconds), Assert.Single(cues).Start);
    }

    [Fact]
    public void Every_tag_is_removed_and_character_references_are_decoded()
    {
        var cues = Clean(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n"
            + "<c.yellow>Said</c> <i>quietly</i>, <b>twice</b> <u>so</u> <lang ru>вот</lang> <ruby>漢<rt>kan</rt></ruby> <00:01.500>then &amp; &lt;b&gt; &#x41;&#66;&nbsp;&lrm;&rlm;\n"
            + "<v Anna &amp; Ali>second line<v Other>\n");

        var cue = Assert.Single(cues);
        Assert.Equal("Said quietly, twice so вот 漢kan then & <b> AB\u00A0\u200E\u200F\nsecond line", cue.Text);
        Assert.Equal("Anna & Ali", cue.Voice);
    }

    [Fact]
    public void A_less_than_sign_that_no_tag_closes_swallows_the_rest_of_the_cue_as_in_a_browser()
    {
        var cues = Clean("WEBVTT\n\n00:01.000 --> 00:02.000\n1 < 2\nand more\n");

        Assert.Equal("1 ", Assert.Single(cues).Text);
    }

    [Fact]
    public void Notes_styles_regions_and_the_header_lines_are_not_cues()
    {
        var cues = Clean("""
            WEBVTT
            Kind: captions
            Language: az

            REGION
            id:lower width:40%

            STYLE
            ::cue { color: white }

            NOTE recorded in Testville, 1990
            by the fictional archive

            NOTE
            00:01.000 --> 00:02.000
            A cue whose identifier is NOTE
            """);

        Assert.Equal("A cue whose identifier is NOTE", Assert.Single(cues).Text);
    }

    [Fact]
    public void Crlf_and_lone_cr_end_lines_and_a_byte_order_mark_takes_no_column()
    {
        var cues = Clean("\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\rOne\r\ntwo\r\r00:03.000 --> 00:04.000\n\u2028three\f\n");

        Assert.Equal(["One\ntwo", "\u2028three\f"], cues.Select(c => c.Text));

        var (_, header) = Parse("\uFEFFWEBVTX\r\n");
        Assert.Equal(new SourceLocation(File, 1, 1), Assert.Single(header).Location);
    }

    [Fact]
    public void A_line_with_an_arrow_inside_a_cue_starts_the_next_cue_as_in_a_browser()
    {
        var cues = Clean("WEBVTT\n00:01.000 --> 00:02.000\nOne\n00:02.000 --> 00:03.000\nTwo\n");

        Assert.Equal(["One", "Two"], cues.Select(c => c.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("WEBVTTX\n\n00:01.000 --> 00:02.000\nText\n")]
    [InlineData("\n\nWEBVTT\n")]
    [InlineData("1\n00:01,000 --> 00:02,000\nAn SRT file renamed\n")]
    public void A_file_that_does_not_start_with_WEBVTT_is_reported_at_its_first_line(string text)
    {
        var (cues, diagnostics) = Parse(text);

        Assert.Null(cues);
        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.TranscriptSyntax, new SourceLocation(File, 1, 1)), (error.Severity, error.Code, error.Location));
        Assert.Contains("write WEBVTT alone on the first line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:01.5 --> 00:02.000", 1, "'00:01.5' is not a WebVTT time; write mm:ss.ttt or hh:mm:ss.ttt, with three digits of milliseconds, like 00:01.500")]
    [InlineData("  00:01.5-->00:02.000", 3, "'00:01.5' is not a WebVTT time")]
    [InlineData("1:02.000 --> 00:03.000", 1, "'1:02.000' is not a WebVTT time")]
    [InlineData("00:60.000 --> 01:01.000", 1, "'00:60.000' is not a WebVTT time")]
    [InlineData("00:01.000 --> 00:02", 15, "'00:02' is not a WebVTT time")]
    [InlineData("00:01.000 --> 00:00:02.0000", 15, "'00:00:02.0000' is not a WebVTT time")]
    [InlineData("00:01.000 -->", 14, "a time is missing here; write mm:ss.ttt")]
    [InlineData("--> 00:02.000", 1, "a time is missing here")]
    [InlineData("00:01.000 to 00:02.000 -->", 11, "'to' stands where the arrow belongs; write the start, '-->' and the end")]
    public void A_malformed_timing_line_is_reported_where_it_goes_wrong_with_what_to_write(string timing, int column, string message)
    {
        var (cues, diagnostics) = Parse($"WEBVTT\n\n00:00.000 --> 00:01.000\nFirst\n\n{timing}\nText\n");

        Assert.Null(cues);
        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.TranscriptSyntax, new SourceLocation(File, 6, column)), (error.Severity, error.Code, error.Location));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cue_without_an_arrow_is_reported_at_its_line()
    {
        var (cues, diagnostics) = Parse("WEBVTT\n\n1\n00:01.000   00:02.000\nText\n");

        Assert.Null(cues);
        var error = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation(File, 4, 13), error.Location);
        Assert.Equal("the cue's timing line has no '-->' after its start time; write the start, an arrow and the end, like 00:01.000 --> 00:04.000", error.Message);
    }

    [Theory]
    [InlineData("00:03.000 --> 00:02.000", "the cue ends at 00:02.000, which is not after its start at 00:03.000")]
    [InlineData("01:00:00.000 --> 01:00:00.000", "the cue ends at 01:00:00.000, which is not after its start at 01:00:00.000")]
    public void A_cue_that_does_not_end_after_it_starts_is_reported_at_its_end(string timing, string message)
    {
        var (cues, diagnostics) = Parse($"WEBVTT\n\n{timing}\nText\n");

        Assert.Null(cues);
        var error = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation(File, 3, timing.IndexOf("> ", StringComparison.Ordinal) + 3), error.Location);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_timing_line_is_reported_at_its_first_line_with_the_likely_cause()
    {
        var (cues, diagnostics) = Parse("WEBVTT\n\n00:01.000 --> 00:02.000\nA testimony split\n\nby a blank line\nstill\n");

        Assert.Null(cues);
        var error = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation(File, 6, 1), error.Location);
        Assert.Contains("a blank line ends a cue, so remove any inside a cue's text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_transcript_is_reported_at_once()
    {
        var (cues, diagnostics) = Parse("WEBVTT\n\n00:01.5 --> 00:02.000\nOne\n\nstray\n\n00:03.000 --> 00:02.000\nTwo\n");

        Assert.Null(cues);
        Assert.Equal([3, 6, 8], diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void A_cue_that_starts_before_an_earlier_one_is_a_warning_and_the_cues_are_kept()
    {
        var (cues, diagnostics) = Parse("WEBVTT\n\n00:05.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:02.000\nEarlier\n\n00:05.000 --> 00:07.000\nSame start\n");

        Assert.Equal(["Later", "Earlier", "Same start"], cues!.Select(c => c.Text));
        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.TranscriptSyntax, new SourceLocation(File, 6, 1)), (warning.Severity, warning.Code, warning.Location));
        Assert.StartsWith("cues must be in order of time: this one starts at 00:01.000, before a cue above it that starts at 00:05.000", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transcript_of_more_than_100000_cues_is_refused_at_the_first_cue_too_many()
    {
        var text = new StringBuilder("WEBVTT\n");
        for (var i = 0; i <= 100_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{Time(Ms(i * 10L))} --> {Time(Ms(i * 10L + 5))}\nx\n");
        }

        var (cues, diagnostics) = Parse(text.ToString());

        Assert.Null(cues);
        var error = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation(File, 2 + (100_000 * 3) + 1, 1), error.Location);
        Assert.StartsWith("the transcript has more than 100,000 cues", error.Message, StringComparison.Ordinal);
    }

    private static readonly Gen<string> Line = Gen.Frequency(
            (6, Gen.Elements("We left", "Testville", "Тест Один", "Test Şəxs", " ", "\t", "é", "-->", "<", ">", "&", "&amp;", "<i>", "NOTE", "STYLE", "00:01.000")),
            (1, FuzzInput.AnyChar.Where(c => c is not ('\r' or '\n' or '\0')).Select(c => c.ToString())))
        .ListOf().Select(pieces => string.Concat(pieces.Take(8))).Where(line => line.Length > 0);

    private static readonly Gen<TranscriptCue> Cues =
        from start in Gen.Choose(0, 400_000_000)
        from length in Gen.Choose(1, 100_000)
        from lines in Line.ListOf().Select(l => l.Take(3))
        from voice in Gen.Elements("", "Test Person One", "Тест", "A & B", "x>y")
        select new TranscriptCue(Ms(start), Ms((long)start + length), string.Join('\n', lines), voice);

    private static readonly Gen<Written> Transcripts =
        from cues in Cues.ListOf().Select(c => c.Take(12).OrderBy(x => x.Start).ToArray())
        from ids in Gen.Elements("", "1", "intro", "NOTE", "STYLE", "Şəxs").ArrayOf(12)
        from arrow in Gen.Elements(" --> ", "\t-->\t", "-->", "  -->  ")
        from settings in Gen.Elements("", " align:start", "\tline:0 position:10%")
        from lineEnd in Gen.Elements("\n", "\r\n", "\r")
        from bom in Gen.Elements("", "\uFEFF")
        select new Written(cues, bom + "WEBVTT" + lineEnd + string.Concat(cues.Select((cue, i) =>
            lineEnd + (ids[i].Length > 0 ? ids[i] + lineEnd : "") + Time(cue.Start) + arrow + Time(cue.End) + settings + lineEnd
            + (cue.Voice.Length > 0 ? $"<v {Escape(cue.Voice)}>" : "") + Escape(cue.Text).Replace("\n", lineEnd, StringComparison.Ordinal) + lineEnd)));

    private static readonly string[] VttPieces =
    [
        "WEBVTT", "WEBVTT ", "\n", "\n", "\n\n", "\r\n", "\r", " ", "\t", "-->", " --> ", "00:01.000", "00:00:02.500", "59:59.999",
        "99999999999999999999:00:00.000", "1:02.000", "00:01.5", "00:60.000", ":", ".", "0", "12", "NOTE", "NOTE ", "STYLE", "REGION",
        "<v Anna>", "<v", "<", ">", "</v>", "<00:01.000>", "<ruby>", "&", "&amp;", "&#x110000;", "&#0;", "&#xD800;", "\uFEFF", "\0",
    ];

    private static readonly Gen<string> VttText = Gen.Sized(size => Gen.Choose(0, size).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency((5, Gen.Elements(VttPieces)), (1, FuzzInput.AnyChar.Select(c => c.ToString()))), n)))
        .Select(string.Concat);

    [FuzzProperty]
    public Property Cues_written_as_WebVTT_read_back_the_same() =>
        Prop.ForAll(Arb.From(Transcripts), written =>
        {
            Assert.Equal(written.Cues, Clean(written.Text));
        });

    [FuzzProperty]
    public Property Any_text_reads_without_throwing_and_is_shown_only_without_errors_reported_inside_it() =>
        Prop.ForAll(Arb.From(Gen.OneOf(VttText, VttText.Select(t => "WEBVTT\n" + t)).Select(t => new FuzzText(t)), t => FuzzInput.ShrinkText(t.Value).Select(v => new FuzzText(v))), input =>
        {
            var (cues, diagnostics) = Parse(input.Value);

            var lines = input.Value.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\r' or '\n') + 1;
            Assert.All(diagnostics, d => Assert.InRange(d.Location.Line, 1, lines));
            Assert.Equal(cues is null, diagnostics.Any(d => d.Severity == Severity.Error));
            Assert.All(cues ?? [], cue => Assert.True(cue.End > cue.Start));
        });

    /// <summary>A time as a transcript writes it: the hours always, to test them everywhere.</summary>
    private static string Time(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static (IReadOnlyList<TranscriptCue>? Cues, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var bag = new DiagnosticBag();
        var cues = WebVtt.Parse(text, File, bag);
        return (cues, bag.Sorted());
    }

    /// <summary>The cues of a transcript with nothing to report.</summary>
    private static IReadOnlyList<TranscriptCue> Clean(string text)
    {
        var (cues, diagnostics) = Parse(text);
        Assert.Empty(diagnostics);
        Assert.NotNull(cues);
        return cues;
    }

    /// <summary>Cues and the transcript that writes them, printed as a C# literal when a property fails.</summary>
    internal sealed record Written(TranscriptCue[] Cues, string Text)
    {
        public override string ToString() => FuzzInput.Literal(Text);
    }
}
