using System.Reflection;

namespace BlackJanuary.Tests.Architecture;

/// <summary>
/// The stages depend in one direction. Each folder of the engine is a namespace; a folder may use
/// only the folders listed for it here. A reference against the grain fails this test with the
/// type, the member and the type it names.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>
    /// Below them all: Diagnostics, the model's types, the shared readers (YAML, text, folders,
    /// slugs), and the one incremental mechanism. Then the stages that read files into the model
    /// (Configuration, Content), the stages that read the model (Markdown, Checks, Templates) and
    /// Output, which writes; none of these four knows another. The root namespace (SiteBuilder) runs them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Diagnostics"] = [],
        ["Model"] = ["Diagnostics"],
        ["Reading"] = ["Diagnostics", "Model"],
        ["Incremental"] = ["Diagnostics", "Reading"],
        ["Configuration"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        ["Content"] = ["Diagnostics", "Model", "Reading", "Incremental", "Configuration"],
        ["Markdown"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        ["Checks"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        ["Templates"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        ["Output"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        ["Search"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        ["Media"] = ["Diagnostics", "Model", "Reading", "Incremental"],
        // 'archive': reads the built files, as a host would serve them, and writes nothing itself.
        ["Archive"] = ["Diagnostics", "Model", "Reading"],
        // 'new' and 'init': they write a content folder and a theme, and read them back to check.
        ["Scaffolding"] = ["Diagnostics", "Model", "Reading", "Incremental", "Configuration", "Content", "Templates"],
    };

    [Fact]
    public void Every_folder_of_the_engine_uses_only_the_folders_below_it()
    {
        var violations = Layering.Violations(typeof(SiteBuilder).Assembly, "BlackJanuary", Allowed);

        Assert.True(violations.Count == 0, "Stages must depend in one direction (see docs/architecture.md):\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// A constant is copied into the code that uses it, so the assembly does not show that use;
    /// the sources' using directives do (Templates once read a constant of Output this way).
    /// </summary>
    [Fact]
    public void Every_source_file_imports_only_the_folders_its_own_may_use()
    {
        var engine = Path.Combine(Support.RepoPaths.Root, "src", "BlackJanuary");
        var violations = new List<string>();
        foreach (var folder in Allowed.Keys)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(engine, folder), "*.cs"))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].StartsWith("using BlackJanuary.", StringComparison.Ordinal)
                        && lines[i]["using BlackJanuary.".Length..].TrimEnd(';').Split('.')[0] is var used
                        && used != folder && !Allowed[folder].Contains(used))
                    {
                        violations.Add($"{Path.GetRelativePath(engine, file)}:{i + 1}: {folder} may not use {used}");
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, "Stages must depend in one direction (see docs/architecture.md):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_the_engine_is_placed_in_the_graph()
    {
        var folders = typeof(SiteBuilder).Assembly.GetTypes()
            .Select(t => Layering.FolderOf(t, "BlackJanuary"))
            .OfType<string>()
            .Where(f => f.Length > 0)
            .ToHashSet();

        Assert.Empty(folders.Except(Allowed.Keys));
    }

    [Fact]
    public void A_reference_against_the_grain_is_named_with_its_type_and_member()
    {
        // The planted types below: a model type that reaches up into the writing stage.
        var violations = Layering.Violations(typeof(LayeringTests).Assembly, "BlackJanuary.Tests.Architecture.Planted",
            new Dictionary<string, string[]> { ["Model"] = [], ["Output"] = ["Model"] });

        var violation = Assert.Single(violations);
        Assert.Contains("Planted.Model.Story", violation);
        Assert.Contains("method Publish", violation);
        Assert.Contains("Planted.Output.Writer", violation);
        Assert.Contains("Model may not use Output", violation);
    }

    [Fact]
    public void A_reference_inside_a_lambda_is_found_in_the_closure_the_compiler_made()
    {
        var violations = Layering.Violations(typeof(LayeringTests).Assembly, "BlackJanuary.Tests.Architecture.Planted",
            new Dictionary<string, string[]> { ["Model"] = ["Output"], ["Output"] = [] });

        Assert.Contains(violations, v => v.Contains("Planted.Output.Writer") && v.Contains("Output may not use Model"));
    }
}

/// <summary>Reads an assembly's references between the folders (namespaces) below a root namespace.</summary>
internal static class Layering
{
    /// <summary>"Content" for Slug and its nested types; "" for the root namespace; null outside it.</summary>
    public static string? FolderOf(Type type, string root)
    {
        var ns = type.Namespace ?? "";
        if (ns == root)
        {
            return "";
        }

        return ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
    }

    public static List<string> Violations(Assembly assembly, string root, IReadOnlyDictionary<string, string[]> allowed)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            // The root namespace runs the stages and may use them all.
            if (FolderOf(type, root) is not { Length: > 0 } from || !allowed.TryGetValue(from, out var may))
            {
                continue;
            }

            foreach (var (where, referenced) in TypeReferences.Of(type))
            {
                var to = FolderOf(referenced, root);
                if (to is not null && to != from && !may.Contains(to))
                {
                    var target = to.Length == 0 ? "the root namespace" : to;
                    violations.Add($"{from} may not use {target}: {type.FullName} ({where}) uses {referenced.FullName}");
                }
            }
        }

        return [.. violations];
    }
}
