using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlackJanuary.Search;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Search;

/// <summary>
/// The index the engine writes for the search page (docs/search.md): a query loads one shard per
/// word, so every key must be in the shard its first letters name, no shard may grow past its
/// limit unless it cannot be split, every file must be the one meta.json names, and every
/// published person must be found there under the key of their name.
/// </summary>
public sealed class SearchIndexTests(SearchIndexTests.RegisterSite fixture) : IClassFixture<SearchIndexTests.RegisterSite>
{
    /// <summary>Enough invented surnames that their keys' shards must be split by a third letter.</summary>
    private const int People = 2_500;

    /// <summary>The register, built once with the default theme for all the tests here.</summary>
    public sealed class RegisterSite : IDisposable
    {
        public FixtureSite Site { get; } = new(new Dictionary<string, string> { ["content/people.csv"] = Register() }, withTheme: false);

        public RegisterSite() => Assert.Equal(0, Site.Build().ExitCode);

        public void Dispose() => Site.Dispose();
    }

    private FixtureSite Site => fixture.Site;

    /// <summary>"Test Takarov 17": surnames of five invented letters after "Ta", so that thousands of keys start with "ta".</summary>
    private static string Register()
    {
        var csv = new StringBuilder("id,name,died,place,source\n");
        var random = new Random(21);
        for (var i = 1; i <= People; i++)
        {
            var surname = "Ta" + new string([.. Enumerable.Range(0, 4).Select(_ => "bdfklmnprstvz"[random.Next(13)])]) + "ov";
            csv.Append(CultureInfo.InvariantCulture, $"test-{i},Test {surname} {i},1990-01-20,Testville,Test register\n");
        }

        // A name in letters outside the Basic Multilingual Plane (each a pair of surrogates), which a shard's prefix must not cut in two.
        csv.Append("test-outside,Test 𝔗𝔢𝔰𝔱𝔬𝔳 0,1990-01-20,Testville,Test register\n");

        return csv.ToString();
    }

    private JsonElement Json(string path) => JsonDocument.Parse(Site.Read(path)).RootElement;

    [Fact]
    public void Every_key_is_in_the_shard_of_its_first_letters_and_a_shard_past_the_limit_is_split_by_the_third()
    {
        var meta = Json("search-index/en/meta.json");
        var shards = meta.GetProperty("shards").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        Assert.Contains(shards.Keys, p => p.Length == 3 && p.StartsWith("ta", StringComparison.Ordinal));
        Assert.Contains(shards.Keys, p => p.Length == 1);
        foreach (var (prefix, stem) in shards)
        {
            var path = $"search-index/en/t/{stem}.json";
            var text = Site.Read(path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10], stem[(stem.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            var keys = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(t => t[0].GetString()!).ToList();
            Assert.All(keys, k => Assert.StartsWith(prefix, k, StringComparison.Ordinal));
            if (shards.Keys.Any(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.Ordinal)))
            {
                // Split: only the keys that are the prefix itself stay.
                Assert.All(keys, k => Assert.Equal(prefix, k));
            }
            else if (new System.Globalization.StringInfo(prefix).LengthInTextElements < 3)
            {
                Assert.True(text.Length <= SearchIndex.ShardBytes + 2, $"shard '{prefix}' has {text.Length} bytes and was not split");
            }
        }

        // Every file of the index is one that meta.json names: nothing stale is left for a host to serve.
        var named = shards.Values.Select(s => $"t/{s}.json").Concat(meta.GetProperty("docs").EnumerateArray().Select(d => $"d/{d.GetString()}.json")).Append("meta.json");
        var written = Directory.EnumerateFiles(Path.Combine(Site.Output, "search-index", "en"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Site.Output, "search-index", "en"), f).Replace('\\', '/'));
        Assert.Equal(named.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_person_is_found_in_the_shard_of_their_surname_and_leads_to_their_page()
    {
        var meta = Json("search-index/en/meta.json");
        var shards = meta.GetProperty("shards");
        var chunk = meta.GetProperty("chunk").GetInt32();
        var docs = meta.GetProperty("docs").EnumerateArray().SelectMany(d => Json($"search-index/en/d/{d.GetString()}.json").EnumerateArray()).ToList();
        Assert.Equal(meta.GetProperty("count").GetInt32(), docs.Count);
        Assert.All(meta.GetProperty("docs").EnumerateArray(), d => Assert.True(Json($"search-index/en/d/{d.GetString()}.json").GetArrayLength() <= chunk));

        var rows = Site.Read("../content/people.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(','));
        foreach (var row in rows)
        {
            // As the page's script looks a key up: the shard of its first three letters, else of its first two.
            var key = SearchRules.Default.Keys(row[1].Split(' ')[1]).Single();
            var stem = new[] { 3, 2, 1 }.Select(n => shards.TryGetProperty(SearchIndex.Prefix(key, n), out var shard) ? shard.GetString() : null).First(s => s is not null);
            var token = Json($"search-index/en/t/{stem}.json").EnumerateArray().Single(t => t[0].GetString() == key);
            var value = 0;
            var urls = token[1].EnumerateArray().Select(delta => (value += delta.GetInt32()) >> 1).Select(doc => docs[doc][1].GetString()).ToList();
            Assert.Contains($"/sub/people/{row[0]}/", urls);
        }
    }

    [Fact]
    public void The_same_content_makes_the_same_index_bytes()
    {
        var first = Snapshot();
        Assert.Equal(0, Site.Build().ExitCode);
        Assert.Equal(first, Snapshot());
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Path.Combine(Site.Output, "search-index"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
