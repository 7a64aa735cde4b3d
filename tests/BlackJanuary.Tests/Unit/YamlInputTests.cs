using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using YamlMappingNode = YamlDotNet.RepresentationModel.YamlMappingNode;
using YamlScalarNode = YamlDotNet.RepresentationModel.YamlScalarNode;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

/// <summary>How YamlDocument treats keys given twice and tabs, below the command line.</summary>
public class YamlInputTests
{
    [Fact]
    public void A_key_given_twice_keeps_the_first_value_and_the_rest_of_the_mapping()
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMappingNode>(YamlDocument.Parse("a: 1\nb:\n  c: [x, {d: 2}]\na:\n  - deep: {e: [1, 2]}\nf: 3\n", "t.yaml", 1, bag));
        Assert.Equal(["a", "b", "f"], root.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("1", ((YamlScalarNode)root["a"]).Value);
        Assert.Equal("t.yaml(4,1): error BJ1009: 'a' is already set on line 1; a key may appear once — remove one", Assert.Single(bag.Sorted()).Format());
    }

    [Fact]
    public void Keys_count_per_mapping_and_lines_are_shifted_like_other_positions()
    {
        var bag = new DiagnosticBag();
        Assert.NotNull(YamlDocument.Parse("- a: 1\n  b: 2\n- a: 3\n  b: 4\n  b: 5\n", "t.yaml", firstLine: 2, bag));
        Assert.Equal("t.yaml(6,3): error BJ1009: 'b' is already set on line 5; a key may appear once — remove one", Assert.Single(bag.Sorted()).Format());
    }

    [Fact]
    public void A_key_given_twice_before_a_syntax_error_is_reported_with_it()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse("a: 1\na: 2\nb: [\n", "t.yaml", 1, bag));
        Assert.Equal([DiagnosticCodes.DuplicateKey, DiagnosticCodes.YamlSyntax], bag.Sorted().Select(d => d.Code));
    }

    [Fact]
    public void A_tab_is_found_where_it_is_even_when_yaml_blames_an_earlier_line()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocument.Parse("a:\n  b: 1\n  c: 2\n  \t d: 3\n", "t.yaml", 1, bag));
        Assert.Equal("t.yaml(4,3): error BJ1004: YAML syntax error: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces", Assert.Single(bag.Sorted()).Format());
    }

    [Theory]
    [InlineData("a:\tb\n")]
    [InlineData("-\tc: [x,\td]\n")]
    [InlineData("a: |\n  x\n  \ty\n")]
    public void Tabs_that_yaml_allows_are_no_error(string yaml)
    {
        var bag = new DiagnosticBag();
        Assert.NotNull(YamlDocument.Parse(yaml, "t.yaml", 1, bag));
        Assert.False(bag.Any);
    }

    [Fact]
    public void The_front_matter_fences_may_end_in_spaces()
    {
        var parts = FrontMatter.Split("---  \ntitle: A\n--- \nBody\n", "p.md", new DiagnosticBag());
        Assert.NotNull(parts);
        Assert.Equal("title: A", parts.Yaml);
        Assert.Equal("Body\n", parts.Body);
    }

    [Fact]
    public void Control_characters_in_keys_are_shown_escaped_not_sent_to_the_terminal()
    {
        var bag = new DiagnosticBag();
        var root = YamlDocument.Parse("\"\\e[2J\": 1\n\"\\e[2J\": 2\n", "t.yaml", 1, bag);
        YamlFields.Of(root!, "t.yaml", 1, bag, "t")!.WarnUnknownKeys(["title"]);
        Assert.Equal(
            ["t.yaml(1,1): warning BJ2006: unknown key '\\x1B[2J' in t is ignored; known keys are: title",
             "t.yaml(2,1): error BJ1009: '\\x1B[2J' is already set on line 1; a key may appear once — remove one"],
            bag.Sorted().Select(d => d.Format()));
    }
}
