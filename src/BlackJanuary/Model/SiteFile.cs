namespace BlackJanuary.Model;

/// <summary>An output file: generated text, or a file copied as it is (assets, media).</summary>
public sealed record SiteFile(string? Text, string? SourceFile)
{
    public static SiteFile Generated(string text) => new(text, null);

    public static SiteFile CopyOf(string sourceFile) => new(null, sourceFile);

    /// <summary>A page a one-off build wrote to the output as soon as it was rendered: only its path is kept.</summary>
    public static SiteFile Written { get; } = new(null, null);
}
