using BlackJanuary.Model;

namespace BlackJanuary.Markdown;

/// <summary>A page's or event's Markdown as the Markdown stage made it.</summary>
/// <param name="AnchorLinks">Its internal links with an anchor, checked against the headings of the pages they lead to once every body is converted.</param>
internal sealed record Body(IReadOnlySet<string> HeadingIds, string Html, IReadOnlyList<WrittenLink> ExternalLinks, IReadOnlyList<AnchorLink> AnchorLinks);
