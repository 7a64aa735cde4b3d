using System.Text;
using BlackJanuary.Model;

namespace BlackJanuary.Archive;

/// <summary>An output file's bytes, exactly as a build writes them: generated text in UTF-8 without a byte order mark, a copied file as it is.</summary>
internal static class SiteFileBytes
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="IOException">The copied file could not be read.</exception>
    public static byte[] Read(SiteFile file) =>
        file.Text is { } text ? Utf8.GetBytes(text)
        : file.SourceFile is { } source ? File.ReadAllBytes(source)
        : throw new InvalidOperationException("a page written to disk while it was rendered has no bytes in memory; archive a site built in memory");
}
