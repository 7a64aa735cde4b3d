namespace BlackJanuary.Model;

public sealed record TimelineEvent(
    string Id,
    PartialDate Date,
    PartialDate? EndDate,
    string Title,
    string Place,
    string BodyMarkdown,
    IReadOnlyList<Source> Sources,
    string Image,
    string ImageAlt,
    Diagnostics.SourceLocation Location)
{
    /// <summary>Rendered <see cref="BodyMarkdown"/>, set by the Markdown stage.</summary>
    public string BodyHtml { get; init; } = "";

    /// <summary>Links to other sites in <see cref="BodyMarkdown"/>, found by the Markdown stage.</summary>
    public IReadOnlyList<WrittenLink> ExternalLinks { get; init; } = [];
}
