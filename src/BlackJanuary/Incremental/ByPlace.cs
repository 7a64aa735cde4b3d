namespace BlackJanuary.Incremental;

/// <summary>
/// A list as part of a key: equal to another when each item is the very same object as the one at
/// its place there, or alike by what the key's work reads of it (a comparison the model type
/// defines, next to its fields, such as <c>Page.SamePlace</c>). A rebuild usually has the same
/// objects at almost every place, and comparing places touches only the two lists, where reading
/// a field of each of 10,000 items costs a cache miss apiece.
/// </summary>
public sealed class ByPlace<T>(IReadOnlyList<T> items, Func<T, T, bool> alike) : IEquatable<ByPlace<T>>
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

/// <summary>A short list of values as part of a key: equal to another with equal items in the same order.</summary>
public sealed class Values<T>(IReadOnlyList<T> items) : IEquatable<Values<T>>
{
    public IReadOnlyList<T> Items => items;

    public bool Equals(Values<T>? other) => other is not null && items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is Values<T> other && Equals(other);

    public override int GetHashCode() => items.Count;
}
