using System.Diagnostics;
using System.Text.Json;
using BlackJanuary.Search;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Search;

/// <summary>
/// The one table of search rules, as the engine applies it and as the site's script does: the
/// cases are in queries.txt, read by both.
/// </summary>
public sealed class SearchRulesTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "BlackJanuary.Tests", "Search");
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Folder, "queries.txt"));
    private static readonly SearchRules Rules = SearchRules.Default;

    public static TheoryData<string> SameKeyGroups() => [.. Lines.Where(l => l.StartsWith("= ", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(SameKeyGroups))]
    public void Spellings_of_one_name_have_one_key(string group)
    {
        var spellings = group[2..].Split(" = ");
        var first = Rules.Keys(spellings[0]);
        Assert.NotEmpty(first);
        foreach (var spelling in spellings.Skip(1))
        {
            Assert.True(first.SequenceEqual(Rules.Keys(spelling)), $"'{spelling}' has the keys [{string.Join(", ", Rules.Keys(spelling))}], '{spellings[0]}' has [{string.Join(", ", first)}]");
        }
    }

    [Fact]
    public void Words_are_split_at_anything_but_letters_and_digits_and_keep_apostrophes_inside()
    {
        Assert.Equal(["zafar", "abad", "1990"], Rules.Keys("Zəfər-Abad, 1990"));
        Assert.Equal(["ilgam"], Rules.Keys("Il'kham"));
        Assert.Empty(Rules.Keys(" — , … "));
    }

    [Fact]
    public void Numbers_keep_their_digits()
    {
        Assert.Equal(["1990", "20", "1900"], Rules.Keys("1990 20 1900"));
    }

    [Fact]
    public void A_word_whose_last_steps_changed_it_is_indexed_under_its_earlier_key_too_so_that_typing_finds_it()
    {
        Assert.Equal(["alav", "aliav"], Rules.IndexKeys("Əliyev"));
        Assert.Equal(["gasanov"], Rules.IndexKeys("Həsənov"));
    }

    [Fact]
    public void The_script_gives_every_word_the_engines_key_and_finds_what_the_table_says()
    {
        var texts = Lines.Where(l => l.StartsWith("= ", StringComparison.Ordinal)).SelectMany(l => l[2..].Split(" = "))
            .Concat(Lines.Where(l => !l.StartsWith('#')).Select(l => l.Split([" → ", " ✗ "], StringSplitOptions.None)).Where(p => p.Length == 2).SelectMany(p => p))
            // Scripts and letters the table does not name keep to the same rules in both.
            .Concat(["Ελένη Παπαδοπούλου", "Ŀuís Ñúñez-Çelik", "ǅemal Ǉubić", "Ωμέγα ß", "𝔉𝔯𝔞𝔨𝔱𝔲𝔯 ǰ", "ﬁnale", "Ⅻ ½ ²", "İstanbul ISTANBUL", "ÇAĞLAYAN", "ʻOkina"])
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => new Dictionary<string, string[]> { ["keys"] = [.. Rules.Keys(t)], ["indexed"] = [.. Rules.IndexKeys(t)] });
        using var scratch = new ScratchFolder("search-rules-");
        Directory.CreateDirectory(scratch.Root);
        var keys = Path.Combine(scratch.Root, "keys.json");
        File.WriteAllText(keys, JsonSerializer.Serialize(texts));
        var rules = Path.Combine(scratch.Root, "rules.json");
        File.WriteAllText(rules, JsonSerializer.Serialize(JsonDocument.Parse(Rules.Json).RootElement));

        var (exit, output) = Node(Path.Combine(Folder, "search-queries.mjs"), Path.Combine(RepoPaths.Root, "templates", "assets", "js", "search.js"), rules, keys, Path.Combine(Folder, "queries.txt"));

        Assert.True(exit == 0, output);
        Assert.Contains($"{texts.Count + Lines.Count(l => !l.StartsWith('#') && (l.Contains(" → ", StringComparison.Ordinal) || l.Contains(" ✗ ", StringComparison.Ordinal)))} checks, 0 failed", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Node(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "node did not finish within a minute");
        return (process.ExitCode, output.Result + error.Result);
    }
}
