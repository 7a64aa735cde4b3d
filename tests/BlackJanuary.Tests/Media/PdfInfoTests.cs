using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Tests.Fuzz;
using BlackJanuary.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace BlackJanuary.Tests.Media;

/// <summary>
/// The page count shown beside a PDF's link: read from the page tree's root, in plain objects and
/// in compressed object streams, and null, never an exception, for a file that cannot tell it,
/// however it was made to hurt.
/// </summary>
/// <remarks>
/// The files in fixtures/ were made from <see cref="Pdf"/>'s output by qpdf 11.3, which the tests
/// do not need: 'qpdf --object-streams=generate' (seven-object-streams.pdf), with '--linearize'
/// (twelve-linearized-object-streams.pdf), and with '--encrypt "" owner 256 --' with object streams
/// generated or disabled (seven-encrypted-object-streams.pdf, seven-encrypted.pdf).
/// </remarks>
public sealed class PdfInfoTests : IDisposable
{
    private readonly ScratchFolder _folder = new("bj-pdf-");

    public PdfInfoTests() => Directory.CreateDirectory(_folder.Root);

    public void Dispose() => _folder.Dispose();

    private const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";

    private static string Page(int parent = 2) => $"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 200 200] >>";

    [Fact]
    public void The_count_is_that_of_the_page_tree_root_not_of_its_branches()
    {
        var pdf = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 >>", "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 >>",
            Page(), Page(3), Page(3));

        Assert.Equal(3, PageCount(pdf));
    }

    [Theory]
    [InlineData("<</Type/Pages/Kids[3 0 R]/Count 1>>")]
    [InlineData("<<\r\n/Count\t1\f/Kids [ 3 0 R ]\r/Type /Pages\n>>")]
    [InlineData("<< /Type /Pag#65s /Resources << /Font << /F1 << /Type /Font >> >> >> /Count 1 % 99 in a comment\n /Kids [3 0 R] >>")]
    [InlineData("<< /Type /Pages /Title (a string with ) in it \\) /Count 99) /Kids [3 0 R] /Count 1 >>")]
    public void Names_numbers_and_dictionaries_may_be_written_in_any_way_PDF_allows(string pages)
    {
        Assert.Equal(1, PageCount(Pdf(Catalog, pages, Page())));
    }

    [Fact]
    public void A_page_is_not_a_page_tree()
    {
        Assert.Null(PageCount(Pdf(Catalog, "<< /Type /Page /Count 5 >>")));
    }

    [Fact]
    public void A_pdf_without_pages_has_none()
    {
        Assert.Equal(0, PageCount(Pdf(Catalog, "<< /Type /Pages /Kids [] /Count 0 >>")));
    }

    [Fact]
    public void An_incremental_update_that_removes_pages_gives_the_new_count()
    {
        var original = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", Page(), Page());
        var update = Encoding.ASCII.GetBytes(
            $"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\nxref\n2 1\n{original.Length:D10} 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n");

        Assert.Equal(1, PageCount([.. original, .. update]));
    }

    [Fact]
    public void A_page_tree_inside_a_stream_s_data_is_not_counted()
    {
        const string data = "<< /Type /Pages /Count 99 >>";
        var pdf = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page(), $"<< /Length {data.Length} >>\nstream\n{data}\nendstream");

        Assert.Equal(1, PageCount(pdf));
    }

    [Fact]
    public void A_count_given_by_reference_cannot_be_told()
    {
        Assert.Null(PageCount(Pdf(Catalog, "<< /Type /Pages /Kids [4 0 R] /Count 3 0 R >>", "1", Page())));
    }

    [Theory]
    [InlineData("seven-object-streams.pdf", 7)]
    [InlineData("twelve-linearized-object-streams.pdf", 12)]
    // An encrypted file's dictionaries are plain text unless they are in an object stream, whose
    // data is encrypted with the rest.
    [InlineData("seven-encrypted.pdf", 7)]
    [InlineData("seven-encrypted-object-streams.pdf", null)]
    public void Files_written_by_qpdf_are_counted_in_plain_and_compressed_objects(string name, int? pages)
    {
        Assert.Equal(pages, PdfInfo.PageCount(Path.Combine(RepoPaths.Root, "tests", "BlackJanuary.Tests", "Media", "fixtures", name)));
    }

    [Fact]
    public void A_page_tree_in_an_object_stream_written_here_is_counted()
    {
        Assert.Equal(2, PageCount(Pdf(Catalog, ObjectStream("<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>"u8.ToArray()), Page(), Page())));
    }

    [Fact]
    public void A_truncated_file_gives_what_was_read_before_the_cut()
    {
        var pdf = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page());
        var rootEnd = Encoding.ASCII.GetString(pdf).IndexOf("/Count 1 >>", StringComparison.Ordinal) + "/Count 1 >>".Length;

        for (var length = 0; length < pdf.Length; length++)
        {
            Assert.Equal(length >= rootEnd ? 1 : null, PageCount(pdf[..length]));
        }
    }

    [Fact]
    public void Deflate_bombs_in_object_streams_are_cut_off_and_the_rest_of_the_file_still_counts()
    {
        // 32 MiB of spaces in 32 KiB, then a page tree: more than one stream may inflate to, and
        // four of them are all a file may.
        var spaces = new byte[32 << 20];
        Array.Fill(spaces, (byte)' ');
        var bomb = ObjectStream([.. spaces, .. "<< /Type /Pages /Count 99 >>"u8]);
        var pdf = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Page(), bomb, bomb, bomb, bomb, ObjectStream("<< /Type /Pages /Count 98 >>"u8.ToArray()));

        var clock = Stopwatch.StartNew();
        var pages = PageCount(pdf);

        Assert.Equal(1, pages);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Dictionaries_nested_beyond_any_document_give_no_count()
    {
        Assert.Null(PageCount(Pdf(Catalog, string.Concat(Enumerable.Repeat("<< /A ", 100_000)) + "<< /Type /Pages /Count 1 >>")));
    }

    [Fact]
    public void A_file_over_100_MiB_is_not_read()
    {
        var file = Path.Combine(_folder.Root, "large.pdf");
        using (var stream = System.IO.File.Create(file))
        {
            stream.Write(Pdf(Catalog, "<< /Type /Pages /Kids [] /Count 0 >>"));
            stream.SetLength((100 << 20) + 1);
        }

        Assert.Null(PdfInfo.PageCount(file));
    }

    private static readonly byte[] Sample = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", Page(), Page(),
        ObjectStream("<< /Type /Pages /Parent 2 0 R /Count 5 >> (text) [1 2 <41>]"u8.ToArray()));

    [FuzzProperty]
    public Property Any_bytes_give_a_count_or_null_without_throwing() =>
        Prop.ForAll(Arb.From(Gen.OneOf(FuzzInput.Bytes, FuzzInput.Mutated(Sample)).Select(b => new FuzzBytes(b)), b => FuzzInput.ShrinkBytes(b.Value).Select(v => new FuzzBytes(v))), input =>
        {
            using var folder = new ScratchFolder("bj-pdf-fuzz-");
            Directory.CreateDirectory(folder.Root);
            var file = Path.Combine(folder.Root, "f.pdf");
            System.IO.File.WriteAllBytes(file, input.Value);

            Assert.True(PdfInfo.PageCount(file) is null or >= 0);
        });

    private int? PageCount(byte[] pdf)
    {
        var file = Path.Combine(_folder.Root, Guid.NewGuid().ToString("N") + ".pdf");
        System.IO.File.WriteAllBytes(file, pdf);
        return PdfInfo.PageCount(file);
    }

    /// <summary>An object stream of one object (number 100), deflated, as a dictionary and its stream.</summary>
    private static string ObjectStream(byte[] content)
    {
        var header = "100 0 "u8.ToArray();
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([.. header, .. content]);
        }

        var data = Encoding.Latin1.GetString(deflated.ToArray());
        return $"<< /Type /ObjStm /N 1 /First {header.Length} /Filter /FlateDecode /Length {data.Length} >>\nstream\n{data}\nendstream";
    }

    /// <summary>A PDF of these objects, numbered from 1 with the catalog first, its cross-reference table right to the byte.</summary>
    private static byte[] Pdf(params string[] objects)
    {
        var pdf = new StringBuilder("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<int>();
        foreach (var (body, i) in objects.Select((o, i) => (o, i)))
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(offset => pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
