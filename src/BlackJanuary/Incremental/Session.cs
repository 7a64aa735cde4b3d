using BlackJanuary.Diagnostics;

namespace BlackJanuary.Incremental;

/// <summary>
/// What one session of builds (the dev server) remembers between them: the files it read, and
/// every memo of every stage, by name. A stage declares the inputs of each unit of its work as a
/// key, a record made from the model; when the key equals the last build's, it gets back the last
/// output and its diagnostics instead of doing the work (Salsa's memo tables, Hugo's recorded
/// dependencies). A site-wide value (<see cref="Once"/>) made again that equals the last one, by its
/// own equality, is handed on as the very same object (early cut-off), so that the next stage's
/// keys compare at a glance; the values of <see cref="Each"/> are not compared so.
/// </summary>
/// <remarks>
/// <c>build</c> and <c>check</c> run once and have no session: each stage is then given null, and
/// <see cref="Once"/> and <see cref="Each"/> do the work directly, keeping nothing.
/// </remarks>
public sealed class Session
{
    private readonly Dictionary<string, object> _memos = new(StringComparer.Ordinal);

    /// <summary>The files read, by their size, time and bytes; see <see cref="FileMemo"/>.</summary>
    public FileMemo Files { get; } = new();

    /// <summary>Starts a build: <paramref name="changes"/> is what a watcher saw since the last one, or null to look at every file.</summary>
    public void Begin(FileChanges? changes)
    {
        Files.BeginBuild(changes);
        foreach (var memo in _memos.Values.OfType<MemoTable>())
        {
            memo.Begin();
        }
    }

    /// <summary>Ends a build: files no build asked for any more are forgotten.</summary>
    public void End() => Files.EndBuild();

    /// <summary>How many units the table named <paramref name="name"/> made at this build, rather than kept.</summary>
    public int Made(string name) => _memos.GetValueOrDefault(name) is MemoTable table ? table.Made : 0;

    private T Get<T>(string name)
        where T : class, new()
    {
        lock (_memos)
        {
            if (!_memos.TryGetValue(name, out var memo))
            {
                _memos[name] = memo = new T();
            }

            return (T)memo;
        }
    }

    /// <summary>
    /// The value of one unit of work: the last one when <paramref name="key"/> equals the last key
    /// of <paramref name="name"/>, with the diagnostics it raised reported again; else the one
    /// <paramref name="make"/> makes. Without a session, made.
    /// </summary>
    public static TValue Once<TKey, TValue>(Session? session, string name, TKey key, DiagnosticBag diagnostics, Func<DiagnosticBag, TValue> make)
        where TKey : notnull =>
        session is null ? make(diagnostics) : session.Get<Memo<TKey, TValue>>(name).Get(key, diagnostics, make);

    /// <summary>A value made without diagnostics (a sitemap): the last one while <paramref name="key"/> equals the last key of <paramref name="name"/>.</summary>
    public static TValue Once<TKey, TValue>(Session? session, string name, TKey key, Func<TValue> make)
        where TKey : notnull =>
        session is null ? make() : session.Get<Memo<TKey, TValue>>(name).Get(key, new DiagnosticBag(), _ => make());

    /// <summary>
    /// The value of each of <paramref name="items"/>, kept or made as <see cref="MemoTable{TKey, TValue}.Each"/> says.
    /// Without a session, every value is made, in parallel.
    /// </summary>
    public static TValue[] Each<TItem, TKey, TValue>(Session? session, string name, Units<TItem, TKey, TValue> units, DiagnosticBag diagnostics)
        where TItem : class
        where TKey : notnull
        where TValue : class =>
        session is null
            ? units.Items.AsParallel().AsOrdered().Select(item => units.Make(item, diagnostics)).ToArray()
            : session.Get<MemoTable<TKey, TValue>>(name).Each(units, diagnostics);
}
