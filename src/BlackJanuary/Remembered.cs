using System.Collections;

namespace BlackJanuary;

/// <summary>How the stages of a session's rebuild go through their items (pages, events).</summary>
internal static class Remembered
{
    /// <summary>
    /// Each item's result: the remembered one when there is one, else one made, in parallel. A
    /// rebuild remembers most items, and looking them up one after the other costs less than
    /// sharing them out between threads.
    /// </summary>
    /// <param name="remembered">Given the item and its place in <paramref name="items"/>.</param>
    public static TOut[] Each<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, int, TOut?> remembered, Func<TIn, TOut> make)
        where TOut : class
    {
        var results = new TOut[items.Count];
        var missing = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (remembered(items[i], i) is { } known)
            {
                results[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        Parallel.ForEach(missing, i => results[i] = make(items[i]));
        return results;
    }

    /// <summary>
    /// Whether two builds' inputs of something are equal: part by part, lists item by item. The
    /// same page keeps the same objects from build to build, so this costs a glance at each.
    /// </summary>
    public static bool Same(object?[] a, object?[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First is IList x && p.Second is IList y
            ? x.Count == y.Count && x.Cast<object?>().SequenceEqual(y.Cast<object?>())
            : Equals(p.First, p.Second));
}
