namespace BlackJanuary;

public sealed record BuildOptions(
    string ContentDir = "content",
    string TemplatesDir = "templates",
    string OutputDir = "_site",
    string? BaseUrl = null,
    bool Drafts = false,
    bool Strict = false);
