using System.Globalization;
using System.Text.RegularExpressions;

namespace BlackJanuary.Tests.Specs;

/// <summary>
/// One spec file: the site it starts from, then one or more builds, each with what it must give.
/// The format is described in README.md next to this file.
/// </summary>
public sealed record Spec(string Name, string Description, SpecOptions Options, IReadOnlyDictionary<string, string> Files, IReadOnlyList<SpecStep> Steps);

public sealed record SpecOptions(bool Theme = true, bool Content = true, bool Strict = false, bool Drafts = false);

/// <summary>A build: the first one, or a rebuild of the same session after <see cref="Changes"/> (a null text deletes the file).</summary>
public sealed record SpecStep(string Title, IReadOnlyList<KeyValuePair<string, string?>> Changes, IReadOnlyList<SpecExpectation> Expectations);

/// <summary>What one build must give; <see cref="Line"/> is where it is written in the spec, for the failure message.</summary>
public abstract record SpecExpectation(int Line);

public sealed record ExpectDiagnostics(int Line, IReadOnlyList<string> Diagnostics) : SpecExpectation(Line);

public sealed record ExpectContains(int Line, string Path, IReadOnlyList<string> Excerpts) : SpecExpectation(Line);

public sealed record ExpectLacks(int Line, string Path, IReadOnlyList<string> Excerpts) : SpecExpectation(Line);

public sealed record ExpectFiles(int Line, IReadOnlyList<string> Patterns) : SpecExpectation(Line);

public sealed record ExpectAbsent(int Line, IReadOnlyList<string> Paths) : SpecExpectation(Line);

public sealed record ExpectRendered(int Line, int Count) : SpecExpectation(Line);

/// <summary>A spec that cannot be read; the message names the spec and the line.</summary>
public sealed class SpecFormatException(string message) : Exception(message);

public static partial class SpecParser
{
    [GeneratedRegex("^-- (.+) --$")]
    private static partial Regex Marker();

    private sealed record Section(string Name, int Line, List<string> Body)
    {
        public string Text => Body.Count == 0 ? "" : string.Join('\n', Body) + "\n";

        public List<string> NonBlankLines => [.. Body.Select(l => l.TrimEnd()).Where(l => l.Length > 0)];
    }

    public static Spec Parse(string name, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var comment = new List<string>();
        var sections = new List<Section>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (Marker().Match(lines[i]) is { Success: true } m)
            {
                sections.Add(new Section(m.Groups[1].Value.Trim(), i + 1, []));
            }
            else if (sections.Count == 0)
            {
                comment.Add(lines[i]);
            }
            else
            {
                sections[^1].Body.Add(lines[i]);
            }
        }

        var description = comment.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (description is null || !description.StartsWith("# ", StringComparison.Ordinal))
        {
            throw new SpecFormatException($"{name}: the spec must start with '# what it shows', a one-line description");
        }

        return new Builder(name).Read(description[2..].Trim(), sections);
    }

    private sealed class Builder(string name)
    {
        private SpecOptions _options = new();
        private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
        private readonly List<SpecStep> _steps = [];
        private string _title = "the first build";
        private List<KeyValuePair<string, string?>> _changes = [];
        private List<SpecExpectation> _expectations = [];

        public Spec Read(string description, List<Section> sections)
        {
            foreach (var section in sections)
            {
                Read(section);
            }

            EndStep();
            if (_steps.Sum(s => s.Expectations.Count) == 0)
            {
                throw Error(sections.Count == 0 ? 1 : sections[^1].Line, "the spec expects nothing; add an 'expect: …' section");
            }

            return new Spec(name, description, _options, _files, _steps);
        }

        private SpecFormatException Error(int line, string message) => new($"{name}({line}): {message}");

        private bool FirstBuild => _steps.Count == 0 && _changes.Count == 0;

        private void Read(Section section)
        {
            var (head, rest) = section.Name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
                ? (section.Name[..colon], section.Name[(colon + 1)..].Trim())
                : (section.Name, "");
            switch (head)
            {
                case "options":
                    ReadOptions(section);
                    break;
                case "rebuild":
                    NoBody(section);
                    EndStep();
                    _title = $"rebuild {_steps.Count} (nothing changed)";
                    break;
                case "edit":
                    Change(section, Path(section, rest), section.Text);
                    break;
                case "delete":
                    NoBody(section);
                    Change(section, Path(section, rest), null);
                    break;
                case "expect":
                    _expectations.Add(Expectation(section, rest));
                    break;
                default:
                    if (!FirstBuild || _expectations.Count > 0)
                    {
                        throw Error(section.Line, $"input file '{section.Name}' comes after an expectation or an edit; write input files first, or 'edit: {section.Name}' to change it for a rebuild");
                    }

                    if (!_files.TryAdd(Path(section, section.Name), section.Text))
                    {
                        throw Error(section.Line, $"the file '{section.Name}' is written twice");
                    }

                    break;
            }
        }

        private void ReadOptions(Section section)
        {
            if (!FirstBuild || _expectations.Count > 0 || _files.Count > 0)
            {
                throw Error(section.Line, "'options' must be the first section");
            }

            foreach (var line in section.NonBlankLines)
            {
                var (key, value) = line.Split(':', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : (line.Trim(), "");
                _options = (key, value) switch
                {
                    ("theme", "none") => _options with { Theme = false },
                    ("theme", "minimal") => _options with { Theme = true },
                    ("content", "none") => _options with { Content = false },
                    ("content", "minimal") => _options with { Content = true },
                    ("strict", "true" or "false") => _options with { Strict = value == "true" },
                    ("drafts", "true" or "false") => _options with { Drafts = value == "true" },
                    _ => throw Error(section.Line, $"unknown option '{line}'; use theme: minimal|none, content: minimal|none, strict: true|false, drafts: true|false"),
                };
            }
        }

        private void Change(Section section, string path, string? text)
        {
            // Edits written one after another are one save, rebuilt once.
            if (_expectations.Count > 0 || _steps.Count == 0 && _changes.Count == 0)
            {
                EndStep();
                _title = $"rebuild {_steps.Count}";
            }

            if (_changes.Any(c => c.Key == path))
            {
                throw Error(section.Line, $"'{path}' is changed twice in one rebuild");
            }

            _changes.Add(new(path, text));
            _title = $"rebuild {_steps.Count} after " + string.Join(", ", _changes.Select(c => (c.Value is null ? "deleting " : "editing ") + c.Key));
        }

        private void EndStep()
        {
            if (_steps.Count > 0 && _expectations.Count == 0 && _changes.Count == 0)
            {
                return;
            }

            _steps.Add(new SpecStep(_title, _changes, _expectations));
            (_changes, _expectations) = ([], []);
        }

        private SpecExpectation Expectation(Section section, string what)
        {
            var line = section.Line;
            if (what is "diagnostics" or "files" or "rendered" && _expectations.Any(e => Kind(e) == what))
            {
                throw Error(line, $"'expect: {what}' is written twice for one build");
            }

            switch (what)
            {
                case "diagnostics":
                    foreach (var d in section.NonBlankLines)
                    {
                        SpecDiagnostic.ParseExpected(d, message => Error(line, message));
                    }

                    return new ExpectDiagnostics(line, section.NonBlankLines);
                case "files":
                    return new ExpectFiles(line, section.NonBlankLines.Select(l => l.Trim()).ToList());
                case "absent":
                    return new ExpectAbsent(line, section.NonBlankLines.Select(l => l.Trim()).ToList());
                case "rendered":
                    return int.TryParse(section.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                        ? new ExpectRendered(line, count)
                        : throw Error(line, "'expect: rendered' holds one number, the pages rendered by this build");
            }

            if (what.EndsWith(" contains", StringComparison.Ordinal) || what.EndsWith(" lacks", StringComparison.Ordinal))
            {
                var space = what.LastIndexOf(' ');
                var path = what[..space].Trim();
                var excerpts = section.NonBlankLines;
                if (excerpts.Count == 0)
                {
                    throw Error(line, $"'expect: {what}' names no text; write one excerpt a line");
                }

                return what.EndsWith(" contains", StringComparison.Ordinal) ? new ExpectContains(line, path, excerpts) : new ExpectLacks(line, path, excerpts);
            }

            throw Error(line, $"unknown expectation '{what}'; use diagnostics, files, absent, rendered, '<output file> contains' or '<output file> lacks'");
        }

        private static string Kind(SpecExpectation e) => e switch
        {
            ExpectDiagnostics => "diagnostics",
            ExpectFiles => "files",
            ExpectRendered => "rendered",
            _ => "",
        };

        private void NoBody(Section section)
        {
            if (section.NonBlankLines.Count > 0)
            {
                throw Error(section.Line, $"'{section.Name}' holds no text");
            }
        }

        private string Path(Section section, string path)
        {
            if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(p => p is "" or "." or ".."))
            {
                throw Error(section.Line, $"'{path}' is not a plain path inside the fixture, like content/pages/about.md");
            }

            return path;
        }
    }
}
