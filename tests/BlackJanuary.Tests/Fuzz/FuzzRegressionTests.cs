using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Tests.Support;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>Each input the fuzz tests found to break a property, shrunk, kept as a plain test.</summary>
public class FuzzRegressionTests
{
    [Theory]
    [InlineData("\uDF39", "")]
    [InlineData("Bak\uD800ı 1990", "bak-ı-1990")]
    [InlineData("\uFFFE", "")]
    [InlineData("a\uFFFEb", "a-b")]
    public void Half_a_surrogate_pair_or_U_FFFE_separates_words_instead_of_throwing(string text, string slug) =>
        Assert.Equal(slug, Slug.From(text));

    [Theory]
    [InlineData("{\u2028>", 4, "t.yaml(4,2): error BJ1004: YAML syntax error: the invisible character U+2028 (line separator) is here, and YAML reads it as a line break; delete it")]
    [InlineData("a: 1\nb: [x, \"y\u2029z\"]\n", 1, "t.yaml(2,10): error BJ1004: YAML syntax error: the invisible character U+2029 (paragraph separator) is here, and YAML reads it as a line break; delete it")]
    public void A_line_separator_that_breaks_yaml_is_named_where_it_is(string yaml, int firstLine, string expected)
    {
        // YamlDotNet counts U+2028 and U+2029 as line breaks; editors and Markdig do not.
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse(yaml, "t.yaml", firstLine, bag));
        Assert.Equal(expected, Assert.Single(bag.Sorted()).Format());
    }

    [Fact]
    public void A_line_separator_lines_away_from_a_syntax_error_is_not_blamed_for_it()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse("a: 1\u2028\nb: 2\nc: [\n", "t.yaml", 1, bag));
        Assert.DoesNotContain("U+2028", Assert.Single(bag.Sorted()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: \"b\u2028 c\"\ndate: x\n", "date", 1, 2)]
    [InlineData("\u0085\u0085:", "", 5, 5)]
    public void Node_positions_after_a_line_separator_count_only_line_feeds(string yaml, string key, int firstLine, int line)
    {
        var bag = new DiagnosticBag();
        var fields = YamlFields.Of(YamlDocument.Parse(yaml, "t.yaml", firstLine, bag)!, "t.yaml", firstLine, bag, "t")!;
        Assert.Equal(line, fields.LocationOf(key).Line);
        Assert.False(bag.Any);
    }

    [Fact]
    public void A_tag_that_is_no_uri_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet refuses '!![' with an ArgumentException, not a YamlException: it was an
        // internal error (exit 3). Found by fuzzing with seed (4424569235816963533,7700774206574208837).
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/tagged.md"] = "---\ntitle: !![\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/tagged.md(2,", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error BJ1004: YAML syntax error: Global tags must be valid URIs; put the value in quotes if it starts with '!', '&' or '*'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_that_ends_between_a_key_and_its_value_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet's parser emits a key without a value here, and its loader then threw
        // ArgumentException: an internal error (exit 3) instead of a diagnostic.
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/new-page.md"] = "---\n: *: *b\n---",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/new-page.md(2,6): error BJ1004: YAML syntax error: this key has no value;", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\uDC00\\u8", "t.yaml(1,2): error BJ1004: YAML syntax error: the escape '\\uDC00' is half of a character (a UTF-16 surrogate) without its other half; write the character itself instead of escapes")]
    [InlineData("a: 1\nb: \"x \\uD800\\u0041\"\n", "t.yaml(2,7): error BJ1004: YAML syntax error: the escape '\\uD800' is half of a character (a UTF-16 surrogate) without its other half; write the character itself instead of escapes")]
    public void An_escaped_surrogate_without_its_other_half_is_a_syntax_error(string yaml, string expected)
    {
        // YamlDotNet's scanner threw ArgumentOutOfRangeException here: an internal error (exit 3).
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse(yaml, "t.yaml", 1, bag));
        Assert.Equal(expected, Assert.Single(bag.Sorted()).Format());
    }

    [Fact]
    public void An_escaped_surrogate_without_its_other_half_in_front_matter_fails_the_build_with_a_diagnostic()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: \"Bak\\uD800\\u0131\"\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/about.md(2,12): error BJ1004: YAML syntax error: the escape '\\uD800' is half of a character", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_counts_as_a_value_when_keys_are_checked_for_repeats()
    {
        // An alias was not counted as a node, so the next key was taken for a value and the
        // key after it, taken for a repeat, was cut out with the end of the mapping: YamlDotNet
        // then threw ArgumentException.
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse(": *:\n:", "t.yaml", 1, bag));
        Assert.Equal([DiagnosticCodes.DuplicateKey, DiagnosticCodes.YamlSyntax], bag.Sorted().Select(d => d.Code).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Aliases_as_values_keep_keys_and_values_paired()
    {
        var bag = new DiagnosticBag();
        var root = YamlDocument.Parse("a: &x 1\nb: *x\nc: 2\nb: 3\n", "t.yaml", 1, bag);
        Assert.Equal("t.yaml(4,1): error BJ1009: 'b' is already set on line 2; a key may appear once — remove one", Assert.Single(bag.Sorted()).Format());
        var fields = YamlFields.Of(root!, "t.yaml", 1, bag, "t")!;
        Assert.Equal(("1", "1", "2"), (fields.Text("a"), fields.Text("b"), fields.Text("c")));
    }

    [Fact]
    public void A_repeated_key_without_a_value_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet's parser reads the empty key, 'a', the empty key again, and ends the mapping
        // there; its loader threw ArgumentException on such input before keys were checked.
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse(":\n a\n:", "t.yaml", 1, bag));
        Assert.Equal(
            ["t.yaml(3,2): error BJ1004: YAML syntax error: this key has no value; check indentation, and quote values that contain ': ' or start with a special character"],
            bag.Sorted().Where(d => d.Code == DiagnosticCodes.YamlSyntax).Select(d => d.Format()));
    }
}
