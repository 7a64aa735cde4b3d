namespace BlackJanuary.BrowserTests.Checks;

/// <summary>Content-Security-Policy text as directive name → sources, for comparing two spellings of one policy.</summary>
public static class Csp
{
    /// <summary>Directives a browser ignores in a &lt;meta&gt; policy, so only the HTTP header may carry them.</summary>
    public static IReadOnlySet<string> HeaderOnlyDirectives { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "frame-ancestors", "report-uri", "report-to", "sandbox" };

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Parse(string policy)
    {
        var directives = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var directive in policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Per the CSP spec the first of two same-named directives wins.
            directives.TryAdd(parts[0].ToLowerInvariant(), new HashSet<string>(parts.Skip(1), StringComparer.Ordinal));
        }

        return directives;
    }

    /// <summary>Where a header policy and a meta policy differ, ignoring directives that only work in the header.</summary>
    public static IReadOnlyList<string> Differences(string header, string meta)
    {
        var h = Parse(header);
        var m = Parse(meta);
        var names = h.Keys.Union(m.Keys).Where(n => !HeaderOnlyDirectives.Contains(n)).Order(StringComparer.Ordinal);
        return names
            .Where(n => !h.TryGetValue(n, out var a) || !m.TryGetValue(n, out var b) || !a.SetEquals(b))
            .Select(n => $"{n}: _headers has '{Sources(h, n)}', the <meta> has '{Sources(m, n)}'")
            .ToList();
    }

    private static string Sources(IReadOnlyDictionary<string, IReadOnlySet<string>> policy, string name) =>
        policy.TryGetValue(name, out var sources) ? string.Join(' ', sources) : "(absent)";
}
