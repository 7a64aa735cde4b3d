using System.Text;

namespace BlackJanuary.Templates;

public static class Html
{
    /// <summary>
    /// Escapes the five characters that matter in HTML text and quoted attributes. Other characters
    /// stay as they are (the output is UTF-8), which keeps non-Latin text readable in the source.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
