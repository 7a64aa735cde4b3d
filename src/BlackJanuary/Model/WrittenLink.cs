using BlackJanuary.Diagnostics;

namespace BlackJanuary.Model;

/// <summary>A link as the content writes it, and where.</summary>
public sealed record WrittenLink(string Url, SourceLocation At);
