using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Incremental;

/// <summary>
/// The units of one kind of work (each page's body, each page's HTML): their items, how each is
/// named and keyed, and how a value is made. See <see cref="MemoTable{TKey, TValue}.Each"/>.
/// </summary>
/// <param name="Scope">
/// What every unit's work read besides its own item, compared once per build: while it equals the
/// last build's, an item that is the very same object as at its place in the last build keeps its
/// value without its key being made or compared.
/// </param>
/// <param name="Id">A unit's name, the same from build to build and its own (a page's address).</param>
/// <param name="Key">The inputs of a unit's work. A record made from the model, next to the model type it reads.</param>
/// <param name="StillHolds">
/// Whether what a kept value's work recorded reading while it ran (the templates and pages a
/// render read) is unchanged; null when the key says everything. Asked of every value kept by its
/// key, and of a value kept by place that read an item that changed (see <see cref="ReadsOthers"/>).
/// </param>
/// <param name="ReadsOthers">The names of the other items a value's work read (the paths a render looked up), by <see cref="Name"/>.</param>
/// <param name="Name">The name by which other units read an item (a page's path).</param>
public sealed record Units<TItem, TKey, TValue>(
    IReadOnlyList<TItem> Items, object Scope, Func<TItem, string> Id, Func<TItem, TKey> Key, Func<TItem, DiagnosticBag, TValue> Make,
    Func<TValue, bool>? StillHolds = null, Func<TValue, IReadOnlyCollection<string>>? ReadsOthers = null, Func<TItem, string>? Name = null);

internal abstract class MemoTable
{
    public int Made { get; protected set; }

    public void Begin() => Made = 0;
}

/// <summary>Many units of work of a session, by name and by place in the build's list.</summary>
internal sealed class MemoTable<TKey, TValue> : MemoTable
    where TKey : notnull
    where TValue : class
{
    private sealed record Entry(TKey Key, TValue Value, IReadOnlyList<Diagnostic> Reported);

    private readonly ConcurrentDictionary<string, Entry> _byId = new(StringComparer.Ordinal);

    // The last build by place: its scope, its items, each one's entry, and the places whose entry reported something.
    private object? _scope;
    private IReadOnlyList<object> _items = [];
    private Entry[] _entries = [];
    private TValue[] _values = [];
    private int[] _reporting = [];
    // The places whose value read other items (see Units.ReadsOthers): checked even when kept by place.
    private int[] _readingOthers = [];
    // The names kept values read, and perhaps some no value reads any more (it is made anew only when
    // the table is not kept by place): a rebuild that changes none of them rechecks nothing.
    private readonly HashSet<string> _readNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The value of each unit: kept from the last build when its key is equal (and its reads still
    /// hold), else made, in parallel. The diagnostics of each unit are reported as a fresh build
    /// would report them. One call per build covers all of the table's units: the units of names
    /// it does not list are forgotten.
    /// </summary>
    public TValue[] Each<TItem>(Units<TItem, TKey, TValue> units, DiagnosticBag diagnostics)
        where TItem : class
    {
        var items = units.Items;
        // A value kept by place is checked again only through the names of what it read; without
        // them it would never be, and stay stale.
        if (units.ReadsOthers is not null && (units.StillHolds is null || units.Name is null))
        {
            throw new ArgumentException("units that read other items need StillHolds and Name too", nameof(units));
        }

        var byPlace = _scope is not null && Equals(_scope, units.Scope) && _items.Count == items.Count;
        var entries = new Entry[items.Count];
        // Stored through a reference: an array store checks the type of what it stores, which
        // reads each kept entry, a cache miss apiece when most are untouched since the last build.
        ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
        var kept = new bool[items.Count];
        var missing = new List<(int Place, TKey Key)>();
        var recheck = byPlace ? ReadingChanged(units) : [];
        for (var i = 0; i < items.Count; i++)
        {
            if (byPlace && ReferenceEquals(items[i], _items[i]) && (!recheck.Contains(i) || units.StillHolds!(_entries[i].Value)))
            {
                Unsafe.Add(ref first, i) = _entries[i];
                kept[i] = true;
                continue;
            }

            var key = units.Key(items[i]);
            if (_byId.TryGetValue(units.Id(items[i]), out var known) && EqualityComparer<TKey>.Default.Equals(known.Key, key)
                && (units.StillHolds is null || units.StillHolds(known.Value)))
            {
                Unsafe.Add(ref first, i) = known;
            }
            else
            {
                missing.Add((i, key));
            }
        }

        Parallel.ForEach(missing, unit =>
        {
            var own = new DiagnosticBag();
            var item = items[unit.Place];
            var value = units.Make(item, own);
            entries[unit.Place] = _byId[units.Id(item)] = new Entry(unit.Key, value, own.Sorted());
        });
        Made += missing.Count;

        var reporting = _reporting.Where(i => byPlace && kept[i]).ToList();
        var readingOthers = units.ReadsOthers is null ? [] : _readingOthers.Where(i => byPlace && kept[i]).ToList();
        if (!byPlace)
        {
            _readNames.Clear();
        }

        for (var i = 0; i < entries.Length; i++)
        {
            if (!kept[i])
            {
                if (entries[i].Reported.Count > 0)
                {
                    reporting.Add(i);
                }

                if (units.ReadsOthers?.Invoke(entries[i].Value) is { Count: > 0 } names)
                {
                    readingOthers.Add(i);
                    _readNames.UnionWith(names);
                }
            }
        }

        foreach (var i in reporting)
        {
            diagnostics.AddRange(entries[i].Reported);
        }

        // The last build's values, copied whole, and each place that did not keep its entry taken from its entry.
        var values = byPlace ? (TValue[])_values.Clone() : new TValue[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            if (!kept[i])
            {
                values[i] = entries[i].Value;
            }
        }

        Forget(items, units.Id);
        (_scope, _items, _entries, _values, _reporting, _readingOthers) = (units.Scope, items, entries, values, [.. reporting], [.. readingOthers]);
        return values;
    }

    /// <summary>
    /// The places kept by place whose value read an item that changed at its place since the last
    /// build, by its name then or now (a page that moved, or one that came to a path another page looked up).
    /// </summary>
    private HashSet<int> ReadingChanged<TItem>(Units<TItem, TKey, TValue> units)
        where TItem : class
    {
        if (units.ReadsOthers is null || units.Name is null || _readingOthers.Length == 0)
        {
            return [];
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Items.Count; i++)
        {
            if (!ReferenceEquals(units.Items[i], _items[i]))
            {
                changed.Add(units.Name(units.Items[i]));
                changed.Add(units.Name((TItem)_items[i]));
            }
        }

        // Usually no value read what changed: known from the names alone, without a look at 10,000 values.
        return !changed.Any(_readNames.Contains) ? [] : [.. _readingOthers.Where(i => units.ReadsOthers(_entries[i].Value).Any(changed.Contains))];
    }

    /// <summary>Forgets the units of names the build no longer has (a deleted page), so that a long session does not grow.</summary>
    private void Forget<TItem>(IReadOnlyList<TItem> items, Func<TItem, string> id)
    {
        // Every item has an entry, so as many entries as items means none is left over.
        if (_byId.Count == items.Count)
        {
            return;
        }

        var keep = items.Select(id).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _byId.Keys.Where(k => !keep.Contains(k)))
        {
            _byId.TryRemove(name, out _);
        }
    }
}
