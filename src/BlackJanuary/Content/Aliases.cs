using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>Reads 'aliases:' of a page or a person: the addresses they were once published at.</summary>
internal static class Aliases
{
    public static IReadOnlyList<PageAlias> Read(IReadOnlyList<(string Text, SourceLocation At)> written, DiagnosticBag diagnostics)
    {
        if (written.Count == 0)
        {
            return [];
        }

        var aliases = new List<PageAlias>(written.Count);
        foreach (var (text, at) in written)
        {
            var (path, problem) = PageAlias.Parse(text);
            if (problem is not null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidAlias, at, problem);
            }
            else if (aliases.All(a => a.Path != path))
            {
                aliases.Add(new PageAlias(path!, at));
            }
        }

        return aliases;
    }
}
