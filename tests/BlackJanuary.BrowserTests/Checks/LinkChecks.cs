using AngleSharp.Dom;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>
/// Every link and resource reference of a page that stays on the site's own origin must answer
/// 200, and a #fragment must name an element of the page it points at.
/// </summary>
public static class LinkChecks
{
    /// <summary>The absolute same-origin URLs a page refers to (href, src, srcset), fragments kept.</summary>
    public static IReadOnlyList<Uri> InternalReferences(IDocument page, Uri pageUrl)
    {
        var raw = page.QuerySelectorAll("[href], [src], [srcset]")
            .Where(e => e.LocalName != "link" || e.GetAttribute("rel") is not ("canonical" or "alternate"))
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }
                .Concat((e.GetAttribute("srcset") ?? "").Split(',').Select(c => c.Trim().Split(' ')[0])))
            .Where(u => !string.IsNullOrWhiteSpace(u));
        return raw
            .Select(u => Uri.TryCreate(pageUrl, u, out var abs) ? abs : null)
            .OfType<Uri>()
            .Where(u => u.GetLeftPart(UriPartial.Authority) == pageUrl.GetLeftPart(UriPartial.Authority))
            .Distinct()
            .ToList();
    }

    /// <summary>Problems with <paramref name="references"/>: statuses other than 200, missing anchors.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(HttpClient http, IEnumerable<Uri> references)
    {
        var problems = new List<string>();
        var pages = new Dictionary<string, (int Status, IDocument? Doc)>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var withoutFragment = reference.GetLeftPart(UriPartial.Query);
            if (!pages.TryGetValue(withoutFragment, out var target))
            {
                using var response = await http.GetAsync(new Uri(withoutFragment));
                var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
                target = ((int)response.StatusCode, isHtml ? MarkupChecks.Parse(await response.Content.ReadAsStringAsync()) : null);
                pages[withoutFragment] = target;
            }

            if (target.Status != 200)
            {
                problems.Add($"{reference.PathAndQuery} answers {target.Status}");
            }
            else if (reference.Fragment.Length > 1 && target.Doc?.GetElementById(Uri.UnescapeDataString(reference.Fragment[1..])) is null)
            {
                problems.Add($"{reference.PathAndQuery}{reference.Fragment}: no element with that id");
            }
        }

        return problems;
    }
}
