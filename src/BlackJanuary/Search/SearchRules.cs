using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BlackJanuary.Search;

/// <summary>
/// The rules that turn a word into its search key (rules.json, whose 'about' tells the steps):
/// the engine applies them to every word it indexes, and the site's script (search.js) applies
/// the same table, shipped in the index, to what a visitor types. Everything a key depends on is
/// in the table, so the two cannot drift apart without a change to it; a test runs both over the
/// same words.
/// </summary>
public sealed class SearchRules
{
    /// <summary>The rules as written, copied into every language's index for the script.</summary>
    public string Json { get; }

    private readonly Dictionary<char, string> _lower = [];
    private readonly Dictionary<char, string> _letters = [];
    private readonly HashSet<char> _joiners = [];
    private readonly List<(string From, string To)> _sequences;
    private readonly Dictionary<char, string> _classes = [];
    private readonly HashSet<char> _vowels;
    private readonly HashSet<char> _palatal;
    private readonly List<(string From, string To)> _endings;
    private readonly int _endingsMin;

    private SearchRules(string json)
    {
        Json = json;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Fill(_lower, root.GetProperty("lower"));
        Fill(_letters, root.GetProperty("letters"));
        _joiners = [.. root.GetProperty("joiners").GetString()!];
        // Longest first, so that "shch" wins over "sh" at the same place, as the script tries them.
        _sequences = [.. Pairs(root.GetProperty("sequences")).OrderByDescending(p => p.From.Length).ThenBy(p => p.From, StringComparer.Ordinal)];
        Fill(_classes, root.GetProperty("classes"));
        _vowels = [.. root.GetProperty("vowels").GetString()!];
        _palatal = [.. root.GetProperty("palatal").GetString()!];
        _endings = [.. Pairs(root.GetProperty("endings")).OrderByDescending(p => p.From.Length).ThenBy(p => p.From, StringComparer.Ordinal)];
        _endingsMin = root.GetProperty("endings_min").GetInt32();
    }

    /// <summary>The rules the engine ships (Search/rules.json, embedded).</summary>
    public static SearchRules Default { get; } = Load();

    private static SearchRules Load()
    {
        using var stream = typeof(SearchRules).Assembly.GetManifestResourceStream("search/rules.json")
            ?? throw new InvalidOperationException("the engine was built without search/rules.json");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SearchRules(reader.ReadToEnd());
    }

    private static IEnumerable<(string From, string To)> Pairs(JsonElement map) =>
        map.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!));

    private static void Fill(Dictionary<char, string> map, JsonElement from)
    {
        foreach (var (name, value) in Pairs(from))
        {
            map[name[0]] = value;
        }
    }

    /// <summary>The keys of the words of <paramref name="text"/>, in order, repeats included.</summary>
    public List<string> Keys(string text) => [.. Keyed(text).Select(k => k.Key).Where(k => k.Length > 0)];

    /// <summary>
    /// The keys of each piece of text between white space, made once: a site's texts repeat the
    /// same few thousand words, and keying them is most of the time an index takes. White space
    /// parts words at every step, so the keys of the pieces are the keys of the text.
    /// </summary>
    private readonly ConcurrentDictionary<string, (string Key, string Before)[]> _pieces = new(StringComparer.Ordinal);

    /// <summary>Pieces kept at most: a session keyed with the same rules for days stays within some tens of megabytes.</summary>
    private const int MostPieces = 1 << 20;

    private List<(string Key, string Before)> Keyed(string text)
    {
        var found = new List<(string Key, string Before)>();
        // Looked up by span: the pieces of a text already keyed are not copied into strings.
        var pieces = _pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var start = 0;
            while (start < rest.Length && char.IsWhiteSpace(rest[start]))
            {
                start++;
            }

            var end = start;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
            {
                end++;
            }

            var piece = rest[start..end];
            rest = rest[end..];
            if (piece.IsEmpty)
            {
                continue;
            }

            if (!pieces.TryGetValue(piece, out var keyed))
            {
                var text1 = piece.ToString();
                keyed = [.. Words(text1).Select(KeyOfWord)];
                if (_pieces.Count < MostPieces)
                {
                    _pieces.TryAdd(text1, keyed);
                }
            }

            found.AddRange(keyed);
        }

        return found;
    }

    /// <summary>
    /// The keys an index gives the words of <paramref name="text"/>: each word's key, and where the
    /// last two steps changed it, its key before them too. A visitor typing "Əli" has the key
    /// "ali", which only the word "Əliyev" before its palatal step ("aliav", not "alav") starts with.
    /// </summary>
    public IEnumerable<string> IndexKeys(string text)
    {
        foreach (var (whole, before) in Keyed(text))
        {
            yield return whole;
            if (before != whole)
            {
                yield return before;
            }
        }
    }

    /// <summary>
    /// The words of <paramref name="text"/> as the rules spell them before keying: lower case,
    /// Latin letters, no accents; split at every character that is neither letter nor digit.
    /// </summary>
    public List<string> Words(string text)
    {
        var spelled = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            if (c != '\0' && _lower.TryGetValue(c, out var lowered))
            {
                spelled.Append(lowered);
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp && _letters.TryGetValue((char)lower.Value, out var latin))
            {
                spelled.Append(latin);
            }
            else if (lower.IsBmp)
            {
                spelled.Append((char)lower.Value);
            }
            else
            {
                spelled.Append(lower.ToString());
            }
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in spelled.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || (rune.IsBmp && _joiners.Contains((char)rune.Value)))
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                _ = rune.IsBmp ? word.Append((char)rune.Value) : word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>The key of a word as <see cref="Words"/> spells it, and the key before the palatal and ending steps, which only look ahead.</summary>
    private (string Key, string Before) KeyOfWord(string word)
    {
        var sounds = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            var matched = false;
            foreach (var (from, to) in _sequences)
            {
                if (word.AsSpan(i).StartsWith(from, StringComparison.Ordinal))
                {
                    sounds.Append(to);
                    i += from.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                sounds.Append(_classes.GetValueOrDefault(word[i]) ?? word[i].ToString());
                i++;
            }
        }

        var key = new StringBuilder(sounds.Length);
        for (var i = 0; i < sounds.Length; i++)
        {
            var c = sounds[i];
            if (i > 0 && c == sounds[i - 1] && char.IsLetter(c))
            {
                continue;
            }

            key.Append(c);
        }

        var before = key.ToString();
        for (var i = key.Length - 2; i >= 1; i--)
        {
            if (key[i] == 'i' && _palatal.Contains(key[i + 1]) && IsConsonant(key[i - 1]))
            {
                key.Remove(i, 1);
            }
        }

        var keyed = key.ToString();
        if (keyed.Length >= _endingsMin)
        {
            foreach (var (from, to) in _endings)
            {
                if (keyed.EndsWith(from, StringComparison.Ordinal))
                {
                    return (keyed[..^from.Length] + to, before);
                }
            }
        }

        return (keyed, before);
    }

    private bool IsConsonant(char c) => char.IsLetter(c) && !_vowels.Contains(c);
}
