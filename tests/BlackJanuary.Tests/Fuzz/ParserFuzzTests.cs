using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.RepresentationModel;
using YamlDocument = BlackJanuary.Reading.YamlDocument;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>
/// The readers every content file goes through, fed random and hostile input: none throws,
/// and whatever they report is at a place inside the text. See <see cref="FuzzPropertyAttribute"/>
/// for how many cases run.
/// </summary>
public partial class ParserFuzzTests
{
    [FuzzProperty]
    public Property Decode_returns_clean_text_or_one_error_at_the_first_bad_byte() =>
        Prop.ForAll(FuzzInput.ByteArrays, input =>
        {
            var bytes = input.Value;
            var bag = new DiagnosticBag();
            var text = TextFile.Decode(bytes, "f.md", bag);
            if (text is not null)
            {
                Assert.False(bag.Any);
                Assert.DoesNotContain('\r', text);
                Assert.Equal(-1, TextFile.FirstForbiddenCharacter(text));
                Assert.False(text.StartsWith('\uFEFF') && !bytes.AsSpan(3).StartsWith("\uFEFF"u8), "the byte-order mark is removed");
                return;
            }

            var d = Assert.Single(bag.Sorted());
            Assert.Equal("f.md", d.Location.File);
            Assert.InRange(d.Location.Column, 1, int.MaxValue);
            Assert.InRange(d.Location.Line, 1, Breaks(bytes) + 1);
            if (d.Code == DiagnosticCodes.ForbiddenCharacter)
            {
                return;
            }

            Assert.Equal(DiagnosticCodes.InvalidUtf8, d.Code);
            var m = ByteOffset().Match(d.Message);
            Assert.True(m.Success, d.Message);
            var offset = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(bytes[offset].ToString("X2", CultureInfo.InvariantCulture), m.Groups[2].Value);
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            Assert.True(System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start, offset - start)), "everything before the offset decodes");
            Assert.NotEqual(OperationStatus.Done, Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out _));
            Assert.Equal(1 + Breaks(bytes.AsSpan(0, offset)), d.Location.Line);
        });

    [FuzzProperty]
    public Property Front_matter_split_loses_nothing_and_knows_its_lines() =>
        Prop.ForAll(FuzzInput.Texts, input =>
        {
            var text = input.Value;
            var bag = new DiagnosticBag();
            var parts = FrontMatter.Split(text, "p.md", bag);
            if (parts is null)
            {
                var d = Assert.Single(bag.Sorted());
                Assert.Contains(d.Code, new[] { DiagnosticCodes.FrontMatterUnclosed, DiagnosticCodes.EmptyPage });
                Assert.Equal(new SourceLocation("p.md", 1, 1), d.Location);
                return;
            }

            Assert.False(bag.Any);
            if (parts.YamlFirstLine == 1)
            {
                Assert.Equal(("", text, 1), (parts.Yaml, parts.Body, parts.BodyFirstLine));
                return;
            }

            // "---", the YAML's lines, a closing "---" or "...", then the body's lines.
            var lines = text.Split('\n');
            var close = parts.BodyFirstLine - 2;
            Assert.Equal("---", lines[0].TrimEnd());
            Assert.Contains(lines[close].TrimEnd(), new[] { "---", "..." });
            Assert.Equal(string.Join('\n', lines[1..close]), parts.Yaml);
            Assert.Equal(string.Join('\n', lines[(close + 1)..]), parts.Body);
        });

    [FuzzProperty]
    public Property Any_text_is_a_date_or_not_and_a_date_reads_back_from_its_iso_form() =>
        Prop.ForAll(DateLike, input =>
        {
            if (!PartialDate.TryParse(input.Value, out var date))
            {
                return;
            }

            Assert.Equal(input.Value.Trim(), date.Iso);
            Assert.True(PartialDate.TryParse(date.Iso, out var again));
            Assert.Equal(date, again);
            Assert.True(date.Start <= date.End);
            Assert.Equal(0, date.CompareTo(again));
            Assert.NotEmpty(date.Text);
        });

    [FuzzProperty]
    public Property Every_real_date_at_every_precision_reads_back_as_itself() =>
        Prop.ForAll(RealDates, d =>
        {
            var (year, month, day, precision) = d;
            var text = precision switch
            {
                DatePrecision.Year => year.ToString("D4", CultureInfo.InvariantCulture),
                DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}"),
            };
            Assert.True(PartialDate.TryParse($" {text}\t", out var date), text);
            Assert.Equal(text, date.Iso);
            Assert.Equal(precision, date.Precision);
            Assert.Equal((year, precision == DatePrecision.Year ? 1 : month, precision == DatePrecision.Day ? day : 1), (date.Year, date.Month, date.Day));
        });

    [FuzzProperty]
    public Property A_slug_is_valid_or_empty_and_made_of_letters_digits_and_single_hyphens() =>
        Prop.ForAll(FuzzInput.Texts, input =>
        {
            var slug = Slug.From(input.Value);
            if (slug.Length == 0)
            {
                return;
            }

            Assert.True(Slug.IsValid(slug), FuzzInput.Literal(slug));
            Assert.Equal(slug, Slug.From(slug));
            Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
            Assert.False(slug.StartsWith('-') || slug.EndsWith('-'), slug);
            Assert.True(slug.EnumerateRunes().All(r => r.Value == '-' || Rune.IsLetterOrDigit(r)), FuzzInput.Literal(slug));
        });

    [FuzzProperty]
    public Property A_valid_slug_is_one_safe_url_segment() =>
        Prop.ForAll(FuzzInput.Texts, input =>
        {
            if (!Slug.IsValid(input.Value))
            {
                return;
            }

            Assert.Equal(input.Value, Slug.From(input.Value));
            Assert.DoesNotContain(input.Value, c => c is '/' or '\\' or '.' or ':' or '?' or '#' or '%' || char.IsWhiteSpace(c) || char.IsControl(c));
        });

    /// <summary>What a document that parses may still carry: a duplicate key, a second document after the one read, a tag the build does not act on.</summary>
    private static readonly string[] ParsedDocumentCodes = [DiagnosticCodes.DuplicateKey, DiagnosticCodes.SecondYamlDocument, DiagnosticCodes.UnknownYamlTag];

    [FuzzProperty]
    public Property Yaml_parses_or_reports_inside_the_text_and_every_field_reads_without_throwing() =>
        Prop.ForAll(FuzzInput.Texts, Arb.From(Gen.Choose(1, 5)), (input, firstLine) =>
        {
            var text = input.Value;
            var bag = new DiagnosticBag();
            var root = YamlDocument.Parse(text, "t.yaml", firstLine, bag);
            if (root is null)
            {
                Assert.True(bag.HasErrors);
            }
            else
            {
                Assert.All(bag.Sorted(), d => Assert.Contains(d.Code, ParsedDocumentCodes));
                ReadEveryField(root, firstLine, bag);
            }

            var last = firstLine - 1 + Breaks(text) + 2;
            Assert.All(bag.Sorted(), d =>
            {
                Assert.Equal("t.yaml", d.Location.File);
                Assert.True(d.Location.Line >= firstLine && d.Location.Line <= last && d.Location.Column >= 1, $"{d.Format()} outside lines {firstLine}–{last}");
            });
        });

    /// <summary>Asks every mapping in the tree for every key in every shape, as loaders do.</summary>
    private static void ReadEveryField(YamlNode node, int firstLine, DiagnosticBag bag)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var fields = new YamlFields(map, "t.yaml", firstLine, bag, "a mapping");
                foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Append("absent"))
                {
                    _ = (fields.Has(key), fields.Text(key), fields.Text(key, required: true), fields.Bool(key), fields.Number(key),
                        fields.Date(key), fields.Date(key, dayRequired: true), fields.List(key), fields.Map(key), fields.LocationOf(key), fields.ValueLocationOf(key));
                }

                fields.WarnUnknownKeys(["title", "date"]);
                foreach (var (key, value) in map.Children)
                {
                    ReadEveryField(key, firstLine, bag);
                    ReadEveryField(value, firstLine, bag);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    _ = YamlFields.Of(item, "t.yaml", firstLine, bag, "an item");
                    ReadEveryField(item, firstLine, bag);
                }

                break;
        }
    }

    /// <summary>Line breaks as editors count them: LF, CR LF, and a lone CR.</summary>
    internal static int Breaks(ReadOnlySpan<byte> bytes)
    {
        var n = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n')))
            {
                n++;
            }
        }

        return n;
    }

    private static int Breaks(string text) => Breaks(Encoding.UTF8.GetBytes(text));

    private static readonly Arbitrary<FuzzText> DateLike = Arb.From(
        Gen.OneOf(
            FuzzInput.AnyText,
            Gen.ArrayOf(Gen.Elements("0", "1", "2", "9", "00", "02", "12", "13", "29", "30", "31", "1990", "0000", "9999", "-", "--", " ", "\n", "\t", "+", "T", "٠", "１", "\u00A0", "\u2028"), 6).Select(string.Concat),
            from year in Gen.Choose(0, 99999)
            from month in Gen.Choose(0, 99)
            from day in Gen.Choose(0, 99)
            select string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}"))
            .Select(t => new FuzzText(t)),
        t => FuzzInput.ShrinkText(t.Value).Select(v => new FuzzText(v)));

    private static readonly Arbitrary<(int Year, int Month, int Day, DatePrecision Precision)> RealDates = Arb.From(
        from year in Gen.Choose(1, 9999)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
        from precision in Gen.Elements(DatePrecision.Year, DatePrecision.Month, DatePrecision.Day)
        select (year, month, day, precision));

    [GeneratedRegex(@" at byte ([0-9]+) \(0x([0-9A-F]{2})\)")]
    private static partial Regex ByteOffset();
}
