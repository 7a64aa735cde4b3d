namespace BlackJanuary;

/// <summary>How the stages of a session's rebuild go through their items (pages, events).</summary>
internal static class Remembered
{
    /// <summary>
    /// Each item's result: the remembered one when there is one, else one made, in parallel. A
    /// rebuild remembers most items, and looking them up one after the other costs less than
    /// sharing them out between threads.
    /// </summary>
    public static TOut[] Each<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut?> remembered, Func<TIn, TOut> make)
        where TOut : class
    {
        var results = new TOut[items.Count];
        var missing = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (remembered(items[i]) is { } known)
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
}
