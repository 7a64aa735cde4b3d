using BlackJanuary.Diagnostics;

namespace BlackJanuary.Incremental;

/// <summary>One unit of work of a session (a site-wide value: the navigation, the sitemap), by its key.</summary>
internal sealed class Memo<TKey, TValue>
    where TKey : notnull
{
    private (TKey Key, TValue Value, IReadOnlyList<Diagnostic> Reported)? _last;

    public TValue Get(TKey key, DiagnosticBag diagnostics, Func<DiagnosticBag, TValue> make)
    {
        if (_last is { } last && EqualityComparer<TKey>.Default.Equals(last.Key, key))
        {
            // The newest key is kept: a key that holds lists compares them place by place, and the
            // next build's lists are mostly the very same objects as this build's.
            _last = last with { Key = key };
            diagnostics.AddRange(last.Reported);
            return last.Value;
        }

        var own = new DiagnosticBag();
        var value = make(own);
        var reported = own.Sorted();
        if (_last is { } before && EqualityComparer<TValue>.Default.Equals(before.Value, value))
        {
            value = before.Value;
        }

        _last = (key, value, reported);
        diagnostics.AddRange(reported);
        return value;
    }
}
