using System.Text;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Markdown;
using BlackJanuary.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>
/// The whole load stage (ContentLoader, then the Markdown stage as a build runs it) on a copy of
/// the golden fixture with one file broken at random, or one page added: no exception escapes,
/// and every diagnostic names a file inside the content folder and a line that file has.
/// See <see cref="FuzzPropertyAttribute"/> for how many cases run.
/// </summary>
public sealed class LoadFuzzTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Fixtures, "golden", "content");

    /// <summary>The fixture's files (content-relative, '/'-separated) and their bytes.</summary>
    private static readonly IReadOnlyDictionary<string, byte[]> Originals = Directory
        .EnumerateFiles(Fixture, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .ToDictionary(f => Path.GetRelativePath(Fixture, f).Replace('\\', '/'), File.ReadAllBytes);

    private const string NewPage = "pages/fuzz/new-page.md";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bj-fuzz-" + Guid.NewGuid().ToString("N"));

    private string Content => Path.Combine(_root, "content");

    public LoadFuzzTests()
    {
        foreach (var (path, bytes) in Originals)
        {
            Write(path, bytes);
        }
    }

    [FuzzProperty]
    public Property Random_bytes_in_any_file() =>
        Prop.ForAll(Arb.From(
            from file in AnyFile
            from bytes in FuzzInput.Bytes
            select new Mutation(file, bytes), Shrink), LoadsOrReportsInside);

    [FuzzProperty]
    public Property Blind_edits_of_any_file() =>
        Prop.ForAll(Arb.From(
            from file in Gen.Elements(Originals.Keys.ToArray())
            from bytes in FuzzInput.Mutated(Originals[file])
            select new Mutation(file, bytes), Shrink), LoadsOrReportsInside);

    [FuzzProperty]
    public Property Yaml_like_text_in_yaml_files_and_front_matter() =>
        Prop.ForAll(Arb.From(
            from file in AnyFile
            from yaml in FuzzInput.YamlText
            select new Mutation(file, FuzzInput.Utf8(file.EndsWith(".md", StringComparison.Ordinal) ? $"---\n{yaml}\n---\n{Body(file)}" : yaml)), Shrink),
            LoadsOrReportsInside);

    [FuzzProperty]
    public Property Markdown_like_text_in_pages_and_event_bodies() =>
        Prop.ForAll(Arb.From(
            from file in Gen.Elements("pages/index.md", "pages/sources.md", "timeline.yaml", NewPage)
            from markdown in FuzzInput.MarkdownText
            select new Mutation(file, FuzzInput.Utf8(file.EndsWith(".md", StringComparison.Ordinal) ? $"---\ntitle: Fuzz\n---\n{markdown}" : EventWithBody(markdown))), Shrink),
            LoadsOrReportsInside);

    private static string EventWithBody(string markdown)
    {
        var indented = markdown.ReplaceLineEndings("\n    ");
        return $"- date: 1990\n  title: Fuzz\n  body: |\n    {indented}\n";
    }

    /// <summary>One file of the content folder replaced by <see cref="Bytes"/>; printed as a line of a regression test.</summary>
    public sealed record Mutation(string File, byte[] Bytes)
    {
        public override string ToString() => $"\"{File}\", {FuzzInput.Literal(Bytes)}";
    }

    private static readonly Gen<string> AnyFile = Gen.Elements(Originals.Keys.Append(NewPage).ToArray());

    private static IEnumerable<Mutation> Shrink(Mutation m) => FuzzInput.ShrinkBytes(m.Bytes).Select(b => m with { Bytes = b });

    /// <summary>The body of a fixture page, kept when only its front matter is replaced.</summary>
    private static string Body(string file)
    {
        var text = Encoding.UTF8.GetString(Originals.GetValueOrDefault(file) ?? []);
        var close = text.IndexOf("\n---\n", StringComparison.Ordinal);
        return close < 0 ? text : text[(close + 5)..];
    }

    private void LoadsOrReportsInside(Mutation m)
    {
        Write(m.File, m.Bytes);
        try
        {
            // A hang is a failure too: the issue asks for a diagnostic within a second or two. A
            // thread of its own, not the pool's, which the Markdown stage's PLINQ needs free.
            Exception? failure = null;
            var run = new Thread(() =>
            {
                try
                {
                    Check(Content);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            run.Start();
            Assert.True(run.Join(TimeSpan.FromSeconds(10)), "the load stage took more than 10 s");
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            if (Originals.TryGetValue(m.File, out var original))
            {
                Write(m.File, original);
            }
            else
            {
                File.Delete(Path.Combine(Content, m.File));
            }
        }
    }

    /// <summary>Loads and renders as a build does, then checks where each diagnostic points.</summary>
    internal static void Check(string content)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(content, null, includeDrafts: true, diagnostics);
        if (site is not null && !diagnostics.HasErrors)
        {
            MarkdownStage.Render(site, diagnostics);
        }

        var root = Path.GetFullPath(content);
        foreach (var d in diagnostics.Sorted())
        {
            var file = d.Location.File;
            Assert.False(string.IsNullOrEmpty(file), d.Format());
            var full = Path.GetFullPath(file);
            Assert.True(full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"outside the content folder: {d.Format()}");
            Assert.True(d.Location.Line >= 0 && d.Location.Column >= 0, d.Format());
            if (File.Exists(full))
            {
                var lines = ParserFuzzTests.Breaks(File.ReadAllBytes(full)) + 1;
                Assert.True(d.Location.Line <= lines + 1, $"line {d.Location.Line} of a file of {lines} lines: {d.Format()}");
            }
        }
    }

    private void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(Content, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
