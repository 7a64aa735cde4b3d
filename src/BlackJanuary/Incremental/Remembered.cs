using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BlackJanuary.Incremental;

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
        // Stored through a reference: an array store checks the type of what it stores, which
        // reads each remembered object, a cache miss apiece when most are untouched since the last build.
        ref var first = ref MemoryMarshal.GetArrayDataReference(results);
        var missing = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (remembered(items[i], i) is { } known)
            {
                Unsafe.Add(ref first, i) = known;
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
    public static bool Same(object?[] a, object?[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!(a[i] is IList x && b[i] is IList y ? SameItems(x, y) : Equal(a[i], b[i])))
            {
                return false;
            }
        }

        return true;
    }

    // A loop, not LINQ: a rebuild compares lists of 10,000 paths this way several times.
    private static bool SameItems(IList x, IList y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!Equal(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Equal(object? x, object? y) => ReferenceEquals(x, y) || Equals(x, y);
}

/// <summary>
/// A list as an input of a memo (<see cref="Remembered.Same"/>): equal to another when each item
/// is the very same object as the one at its place there, or alike by the fields the memo reads.
/// A rebuild usually has the same objects at almost every place, and comparing places touches
/// only the two lists, where reading a field of each of 10,000 items costs a cache miss apiece.
/// </summary>
internal sealed class ByPlace<T>(IReadOnlyList<T> items, Func<T, T, bool> alike) : IEquatable<ByPlace<T>>
    where T : class
{
    public IReadOnlyList<T> Items => items;

    public bool Equals(ByPlace<T>? other)
    {
        if (other is null || other.Items.Count != items.Count)
        {
            return false;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (!ReferenceEquals(items[i], other.Items[i]) && !alike(items[i], other.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ByPlace<T> other && Equals(other);

    public override int GetHashCode() => items.Count;
}
