using BlackJanuary.Diagnostics;

namespace BlackJanuary;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, int FilesWritten, bool Succeeded);
